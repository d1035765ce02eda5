package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkResult;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.bulk.PgCopyFormat;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.rls.RlsContext;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL refuses COPY FROM into a table with row-level security for a role subject to it, so
 * PgBulk uses batched INSERTs there, whatever the number of rows; the policies still apply.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkRowLevelSecurityIT {

    @Entity(name = "Memo")
    @Table(name = "memo")
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenantId", setting = "app.tenant_id")
    public static class Memo {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        long tenantId;
        String text;
    }

    private HikariDataSource pool;
    private SessionFactory app;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        db.entityManagerFactory(Memo.class); // the owner creates the schema
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.appRoleName());
        config.setPassword(db.appRoleName());
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        app =
                db.entityManagerFactory(
                        List.of(Memo.class),
                        Map.of(
                                AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                pool,
                                AvailableSettings.HBM2DDL_AUTO,
                                "none"));
    }

    @AfterAll
    void tearDown() {
        app.close();
        pool.close();
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        db.execute("delete from memo");
    }

    private static List<Memo> memos(long tenant, int n) {
        return IntStream.range(0, n)
                .mapToObj(
                        i -> {
                            Memo m = new Memo();
                            m.tenantId = tenant;
                            m.text = "memo " + i;
                            return m;
                        })
                .toList();
    }

    @Test
    void theApplicationRoleInsertsAboveTheCopyThreshold(PgTestDatabase db) {
        long n;
        try (var scope = RlsContext.set("app.tenant_id", "7")) {
            n = app.fromTransaction(em -> PgBulk.insert(em, memos(7, 300)));
        }
        assertThat(n).isEqualTo(300);
        assertThat(db.sql().queryValue("select count(*) from memo where tenantId = 7", Long.class))
                .isEqualTo(300L);
        assertThat(db.asAppRole().queryValue("select count(*) from memo", Long.class))
                .as("no tenant set: the policy hides every row")
                .isZero();
    }

    @Test
    void streamAndExportReadOnlyThePolicysRows(PgTestDatabase db) {
        db.execute(
                """
                insert into memo (id, tenantId, text)
                select g, 7 + g % 2, 'memo ' || g from generate_series(1, 20) g""");
        try (var scope = RlsContext.set("app.tenant_id", "7")) {
            // the stream is the transaction's first statement: the setting applies to its session
            List<Long> streamed =
                    app.fromTransaction(
                            em -> {
                                try (Stream<Memo> memos =
                                        PgBulk.stream(
                                                em, Memo.class, "from Memo m order by m.id")) {
                                    return memos.map(m -> m.tenantId).toList();
                                }
                            });
            assertThat(streamed).hasSize(10).containsOnly(7L);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long exported =
                    app.fromTransaction(
                            em ->
                                    PgBulk.export(
                                            em,
                                            "select m.tenantId from Memo m",
                                            out,
                                            PgCopyFormat.TEXT));
            assertThat(exported).isEqualTo(10);
            assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).containsOnly("7");
        }
    }

    @Test
    void thePolicyStillChecksEveryRow(PgTestDatabase db) {
        try (var scope = RlsContext.set("app.tenant_id", "7")) {
            assertThatThrownBy(() -> app.inTransaction(em -> PgBulk.insert(em, memos(8, 300))))
                    .hasMessageContaining("row-level security policy");
        }
        assertThat(db.sql().queryValue("select count(*) from memo", Long.class)).isZero();
    }

    @Test
    void upsertUpdateAndDeleteRunAsTheApplicationRoleUnderThePolicies(PgTestDatabase db) {
        db.execute("insert into memo (id, tenantId, text) values (-1, 8, 'other tenant')");
        List<Memo> mine = memos(7, 300);
        try (var scope = RlsContext.set("app.tenant_id", "7")) {
            // the temporary table takes COPY; the INSERT from it is checked by the policies
            PgBulkResult first =
                    app.fromTransaction(em -> PgBulk.upsert(em, mine, PgConflict.onId()));
            assertThat(first).isEqualTo(new PgBulkResult(300, 0, 0));
            mine.forEach(m -> m.text = "updated");
            PgBulkResult second =
                    app.fromTransaction(em -> PgBulk.upsert(em, mine, PgConflict.onId()));
            assertThat(second).isEqualTo(new PgBulkResult(0, 300, 0));
            long updated = app.fromTransaction(em -> PgBulk.update(em, mine));
            assertThat(updated).isEqualTo(300);
            // the other tenant's row is invisible: not deleted
            long deleted =
                    app.fromTransaction(
                            em -> PgBulk.delete(em, Memo.class, List.of(-1L, mine.get(0).id)));
            assertThat(deleted).isEqualTo(1);
            assertThatThrownBy(
                            () ->
                                    app.inTransaction(
                                            em ->
                                                    PgBulk.upsert(
                                                            em, memos(8, 300), PgConflict.onId())))
                    .hasMessageContaining("row-level security policy");
        }
        assertThat(db.sql().queryValue("select count(*) from memo where tenantId = 7", Long.class))
                .isEqualTo(299L);
        assertThat(db.sql().queryValue("select count(*) from memo where tenantId = 8", Long.class))
                .isEqualTo(1L);
    }
}
