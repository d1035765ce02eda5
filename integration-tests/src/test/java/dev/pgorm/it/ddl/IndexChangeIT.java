package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed index declaration under the same name: {@code update} rebuilds the index (and only
 * then), {@code validate} reports it, rows are kept, and indexes built before fingerprints existed
 * are adopted as they are.
 */
@PgTest
class IndexChangeIT {

    /** The first version of the application: a b-tree on the code. */
    @Entity(name = "Gauge")
    @Table(name = "gauge")
    @PgIndex(name = "gauge_code", columns = "code")
    static class GaugeV1 {
        @Id Long id;
        String code;
        int reading;
    }

    // tag::changed[]
    /** The next version: the same index name, now a hash index on active gauges only. */
    @Entity(name = "Gauge")
    @Table(name = "gauge")
    @PgIndex(
            name = "gauge_code",
            columns = "code",
            method = IndexMethod.HASH,
            where = "reading >= 0")
    static class GaugeV2 {
        @Id Long id;
        String code;
        int reading;
    }

    // end::changed[]

    private static SessionFactory boot(
            PgTestDatabase db, Class<?> entity, String action, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("hibernate.hbm2ddl.auto", action);
        return db.entityManagerFactory(List.of(entity), props);
    }

    private static long indexOid(PgTestDatabase db) {
        return db.sql().queryValue("select 'gauge_code'::regclass::oid::bigint", Long.class);
    }

    private static String indexDef(PgTestDatabase db) {
        return db.sql().queryValue("select pg_get_indexdef('gauge_code'::regclass)", String.class);
    }

    private static long rows(PgTestDatabase db) {
        return db.sql().queryValue("select count(*) from gauge", Long.class);
    }

    @BeforeEach
    void v1WithRows(PgTestDatabase db) {
        db.resetSchema();
        db.close(boot(db, GaugeV1.class, "create", Map.of()));
        db.execute(
                "insert into gauge (id, code, reading) select g, 'G-' || g, g % 100 from"
                        + " generate_series(1, 20000) g",
                "vacuum analyze gauge");
    }

    @Test
    void updateRebuildsAChangedIndexOnceAndKeepsRows(PgTestDatabase db) {
        long v1 = indexOid(db);
        db.close(boot(db, GaugeV1.class, "update", Map.of()));
        assertThat(indexOid(db)).as("unchanged declaration: not rebuilt").isEqualTo(v1);

        db.close(boot(db, GaugeV2.class, "update", Map.of()));
        assertThat(indexDef(db)).contains("USING hash (code)").contains("WHERE (reading >= 0)");
        long v2 = indexOid(db);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(rows(db)).isEqualTo(20000L);

        db.close(boot(db, GaugeV2.class, "update", Map.of()));
        assertThat(indexOid(db)).as("second update: not rebuilt again").isEqualTo(v2);
        db.close(boot(db, GaugeV2.class, "validate", Map.of()));
        assertThat(rows(db)).isEqualTo(20000L);

        db.execute("analyze gauge");
        SessionFactory sf = boot(db, GaugeV2.class, "none", Map.of());
        db.assertUsesIndex(
                "gauge_code",
                () ->
                        sf.inTransaction(
                                s ->
                                        assertThat(
                                                        s.createSelectionQuery(
                                                                        "select g.reading from Gauge g where g.code = 'G-77' and g.reading >= 0",
                                                                        Integer.class)
                                                                .getResultList())
                                                .containsExactly(77)));
    }

    /** A unique index on live codes only. */
    @Entity(name = "Gauge")
    @Table(name = "gauge")
    @PgIndex(name = "gauge_code", columns = "code", unique = true, where = "reading >= 50")
    static class GaugeUniqueLive {
        @Id Long id;
        String code;
        int reading;
    }

    /** The same index made unique over every row, which the existing rows do not allow. */
    @Entity(name = "Gauge")
    @Table(name = "gauge")
    @PgIndex(name = "gauge_code", columns = "code", unique = true)
    static class GaugeUniqueAll {
        @Id Long id;
        String code;
        int reading;
    }

    @Test
    void aRebuildThatFailsKeepsTheOldIndex(PgTestDatabase db) {
        db.close(boot(db, GaugeUniqueLive.class, "update", Map.of()));
        db.execute("insert into gauge (id, code, reading) values (30001, 'G-1', 0)");
        long before = indexOid(db);
        assertThatThrownBy(() -> boot(db, GaugeUniqueAll.class, "update", Map.of()))
                .hasStackTraceContaining("after schema update, missing or different")
                .hasStackTraceContaining("index gauge_code on gauge");
        // the old unique index is still there and still enforced
        assertThat(indexOid(db)).isEqualTo(before);
        assertThat(indexDef(db)).contains("UNIQUE").contains("WHERE (reading >= 50)");
        assertThatThrownBy(
                        () ->
                                db.execute(
                                        "insert into gauge (id, code, reading) values (30002, 'G-99', 60)"))
                .hasStackTraceContaining("gauge_code");
        assertThat(rows(db)).isEqualTo(20001L);
    }

    @Test
    void validateReportsAChangedDeclaration(PgTestDatabase db) {
        assertThatThrownBy(() -> boot(db, GaugeV2.class, "validate", Map.of()))
                .hasRootCauseInstanceOf(SchemaManagementException.class)
                .rootCause()
                .hasMessageContaining("index gauge_code on gauge")
                .hasMessageContaining("declaration changed");
    }

    @Test
    void anIndexWithoutFingerprintIsAdoptedAsItIs(PgTestDatabase db) {
        // built by an older PG-ORM or by hand: no comment
        db.execute("comment on index gauge_code is null");
        long before = indexOid(db);
        db.close(boot(db, GaugeV2.class, "update", Map.of()));
        assertThat(indexOid(db)).isEqualTo(before);
        assertThat(indexDef(db)).contains("btree");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select obj_description('gauge_code'::regclass, 'pg_class')",
                                        String.class))
                .startsWith("pgorm:");
        // a comment of the application's own is kept and not checked
        db.execute("comment on index gauge_code is 'owned by the billing team'");
        db.close(boot(db, GaugeV1.class, "update", Map.of()));
        db.close(boot(db, GaugeV1.class, "validate", Map.of()));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select obj_description('gauge_code'::regclass, 'pg_class')",
                                        String.class))
                .isEqualTo("owned by the billing team");
    }

    @Test
    void aConcurrentIndexIsNotDroppedByUpdate(PgTestDatabase db) {
        long before = indexOid(db);
        assertThatThrownBy(
                        () ->
                                boot(
                                        db,
                                        GaugeV2.class,
                                        "update",
                                        Map.of("pgorm.ddl.index_concurrently", "true")))
                .hasStackTraceContaining("after schema update, missing or different")
                .hasStackTraceContaining("index gauge_code on gauge")
                .hasStackTraceContaining("DROP INDEX CONCURRENTLY");
        assertThat(indexOid(db)).isEqualTo(before);
        assertThat(rows(db)).isEqualTo(20000L);

        db.execute("drop index concurrently gauge_code");
        db.close(boot(db, GaugeV2.class, "update", Map.of("pgorm.ddl.index_concurrently", "true")));
        assertThat(indexDef(db)).contains("USING hash");
        db.close(boot(db, GaugeV2.class, "validate", Map.of()));
    }

    @Test
    void withoutHaltOnErrorUpdateWarnsAndGoesOn(PgTestDatabase db) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.pgorm.ddl");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler =
                new java.util.logging.Handler() {
                    @Override
                    public void publish(java.util.logging.LogRecord r) {
                        if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                            warnings.add(r.getMessage());
                        }
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        log.addHandler(handler);
        try {
            db.close(
                    boot(
                            db,
                            GaugeV2.class,
                            "update",
                            Map.of(
                                    "pgorm.ddl.index_concurrently", "true",
                                    "hibernate.hbm2ddl.halt_on_error", "false")));
        } finally {
            log.removeHandler(handler);
        }
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("after schema update, missing or different")
                .contains("index gauge_code on gauge");
        assertThat(indexDef(db)).contains("btree");
    }

    @Test
    void aScriptBuildsTheIndexWithItsFingerprint(PgTestDatabase db, @TempDir Path dir)
            throws Exception {
        Path script = dir.resolve("update.sql");
        db.close(
                boot(
                        db,
                        GaugeV2.class,
                        "none",
                        Map.of(
                                "jakarta.persistence.schema-generation.scripts.action", "create",
                                "jakarta.persistence.schema-generation.scripts.create-target",
                                        script.toString(),
                                "hibernate.hbm2ddl.delimiter", ";")));
        db.execute("drop table gauge");
        db.psql(script, db.schema() + ", public");
        assertThat(indexDef(db)).contains("USING hash");
        db.close(boot(db, GaugeV2.class, "validate", Map.of()));
        assertThat(Files.readString(script)).contains("pgorm:");
    }
}
