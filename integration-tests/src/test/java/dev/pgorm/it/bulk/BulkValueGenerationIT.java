package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.testing.internal.StatementRecorder;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.GeneratedColumn;
import org.hibernate.annotations.SourceType;
import org.hibernate.annotations.TenantId;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hibernate's insert-time value generation applies to bulk rows as it does to persist: in-memory
 * generators (@TenantId, @CreationTimestamp, @CurrentTimestamp(source = VM), the @Version seed) run
 * on both paths, and columns the database generates keep their defaults.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkValueGenerationIT {

    /** Always the tenant "acme". */
    public static class Acme implements CurrentTenantIdentifierResolver<String> {
        @Override
        public String resolveCurrentTenantIdentifier() {
            return "acme";
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return false;
        }
    }

    @Entity(name = "Stamped")
    @Table(name = "stamped")
    public static class Stamped {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @TenantId String tenant;
        @CreationTimestamp Instant created;

        @CurrentTimestamp(source = SourceType.VM)
        LocalDateTime touched;

        @Version Integer version;

        @Generated
        @ColumnDefault("'fresh'")
        String status;

        String name;

        @GeneratedColumn("length(name)")
        Integer nameLength;
    }

    @Entity(name = "DbStamped")
    @Table(name = "db_stamped")
    public static class DbStamped {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @CurrentTimestamp(source = SourceType.DB)
        Instant stamp;

        String name;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf =
                db.entityManagerFactory(
                        List.of(Stamped.class, DbStamped.class),
                        Map.of(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new Acme()));
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        db.execute("delete from stamped", "delete from db_stamped");
    }

    private static Stamped stamped(int i) {
        Stamped s = new Stamped();
        s.name = "name-" + i;
        return s;
    }

    private void checkStoredRows(PgTestDatabase db, int n) {
        Map<String, Object> row =
                db.sql()
                        .query(
                                "select count(*) as n, count(*) filter (where tenant = 'acme') as tenant,"
                                        + " count(created) as created, count(touched) as touched,"
                                        + " count(*) filter (where version = 0) as version,"
                                        + " count(*) filter (where status = 'fresh') as status,"
                                        + " count(*) filter (where nameLength = length(name)) as length"
                                        + " from stamped")
                        .get(0);
        assertThat(row)
                .containsEntry("n", (long) n)
                .containsEntry("tenant", (long) n)
                .containsEntry("created", (long) n)
                .containsEntry("touched", (long) n)
                .containsEntry("version", (long) n)
                .containsEntry("status", (long) n)
                .containsEntry("length", (long) n);
    }

    @Test
    void inMemoryGeneratorsRunAndDatabaseDefaultsApplyOnTheCopyPath(PgTestDatabase db) {
        List<Stamped> rows =
                IntStream.range(0, 300).mapToObj(BulkValueGenerationIT::stamped).toList();
        List<String> sql =
                StatementRecorder.record(() -> sf.inTransaction(em -> PgBulk.insert(em, rows)))
                        .stream()
                        .map(StatementRecorder.Recorded::sql)
                        .toList();
        assertThat(sql).noneSatisfy(s -> assertThat(s).startsWith("insert into stamped"));
        checkStoredRows(db, 300);
        assertThat(rows)
                .allSatisfy(
                        s -> {
                            assertThat(s.tenant).isEqualTo("acme");
                            assertThat(s.created).isNotNull();
                            assertThat(s.touched).isNotNull();
                            assertThat(s.version).isZero();
                        });
        // The seeded version lets Hibernate update the row.
        long id = rows.get(17).id;
        sf.inTransaction(em -> em.find(Stamped.class, id).name = "renamed");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select version from stamped where id = " + id,
                                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void inMemoryGeneratorsRunAndDatabaseDefaultsApplyOnTheInsertPath(PgTestDatabase db) {
        sf.inTransaction(
                em ->
                        PgBulk.insert(
                                em,
                                IntStream.range(0, 5)
                                        .mapToObj(BulkValueGenerationIT::stamped)
                                        .toList()));
        checkStoredRows(db, 5);
    }

    @Test
    void persistWritesTheSameAsBulk(PgTestDatabase db) {
        sf.inTransaction(em -> em.persist(stamped(1)));
        checkStoredRows(db, 1);
    }

    @Test
    void databaseTimestampsAreWrittenByTheDatabaseOnBothPaths(PgTestDatabase db) {
        for (int n : new int[] {3, 300}) {
            sf.inTransaction(
                    em ->
                            PgBulk.insert(
                                    em,
                                    IntStream.range(0, n)
                                            .mapToObj(
                                                    i -> {
                                                        DbStamped d = new DbStamped();
                                                        d.name = "d" + i;
                                                        return d;
                                                    })
                                            .toList()));
        }
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from db_stamped where stamp is not null",
                                        Long.class))
                .isEqualTo(303L);
    }
}
