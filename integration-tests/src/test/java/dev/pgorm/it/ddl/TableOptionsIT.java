package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.table.PgTable;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @PgTable}: unlogged, fill factor, storage parameters and tablespace applied on create,
 * changed by {@code update} on a populated table, reported by {@code validate}.
 */
@PgTest(isolation = PgTest.Isolation.SCHEMA)
class TableOptionsIT {

    // tag::table[]
    @Entity(name = "PageView")
    @Table(name = "page_view")
    @PgTable(
            unlogged = true, // rebuilt from the access log after a crash
            fillfactor = 70,
            with = "autovacuum_vacuum_scale_factor = 0.01")
    static class PageView {
        @Id Long id;
        String path;
        long hits;
    }

    // end::table[]

    /** The next version: logged, fuller pages, in a tablespace of its own. */
    @Entity(name = "PageView")
    @Table(name = "page_view")
    @PgTable(
            fillfactor = 90,
            with = "autovacuum_vacuum_scale_factor = 0.01",
            tablespace = "pgorm_it_space")
    static class PageViewV2 {
        @Id Long id;
        String path;
        long hits;
    }

    private SessionFactory sf;

    @BeforeEach
    void create(PgTestDatabase db) {
        db.resetSchema();
        sf = db.entityManagerFactory(PageView.class);
        db.execute(
                "insert into page_view (id, path, hits) select i, '/p' || i, i from generate_series(1, 1000) i");
    }

    @AfterEach
    void close(PgTestDatabase db) {
        db.close(sf);
        // The tablespace goes after each test (dropped only when empty): while it exists, the
        // replica holds a copy of it in its own data directory.
        db.execute("drop table if exists page_view", "drop tablespace if exists pgorm_it_space");
    }

    private static String options(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        """
                        select c.relpersistence::text || ' ' || coalesce(array_to_string(c.reloptions, ','), '')
                               || ' ' || coalesce(t.spcname, '-')
                        from pg_class c left join pg_tablespace t on t.oid = c.reltablespace
                        where c.oid = 'page_view'::regclass
                        """,
                        String.class);
    }

    /**
     * A tablespace for the test, made "in place" (inside the server's own data directory): a
     * tablespace in a directory of its own would be shared by the streaming replica on the same
     * machine, which replays its files into the same place and breaks the primary's checkpoints.
     */
    private static void tablespace(PgTestDatabase db) {
        if (db.sql()
                        .queryValue(
                                "select count(*) from pg_tablespace where spcname = 'pgorm_it_space'",
                                Long.class)
                == 0) {
            db.execute(
                    "set allow_in_place_tablespaces = true",
                    "create tablespace pgorm_it_space location ''");
        }
    }

    @Test
    void createAppliesTheOptions(PgTestDatabase db) {
        assertThat(options(db)).isEqualTo("u fillfactor=70,autovacuum_vacuum_scale_factor=0.01 -");
        db.schemaAction("validate", PageView.class);
    }

    @Test
    void updateChangesThemOnAPopulatedTableAndValidateSeesThem(PgTestDatabase db) {
        tablespace(db);
        assertThatThrownBy(() -> db.schemaAction("validate", PageViewV2.class))
                .hasStackTraceContaining(
                        "storage options of table page_view (logged, fillfactor = 90");
        db.schemaAction("update", PageViewV2.class);
        db.schemaAction("update", PageViewV2.class);
        db.schemaAction("validate", PageViewV2.class);
        assertThat(options(db))
                .isEqualTo("p fillfactor=90,autovacuum_vacuum_scale_factor=0.01 pgorm_it_space");
        assertThat(db.sql().queryValue("select sum(hits)::bigint from page_view", Long.class))
                .isEqualTo(500_500L);
    }

    @Test
    void aFillFactorOutOfRangeFailsAtBoot(PgTestDatabase db) {
        assertThatThrownBy(() -> db.entityManagerFactory(TooFull.class))
                .hasStackTraceContaining("@PgTable on entity TooFull")
                .hasStackTraceContaining("fillfactor must be between 10 and 100, not 5");
    }

    @Entity(name = "TooFull")
    @Table(name = "too_full")
    @PgTable(fillfactor = 5)
    static class TooFull {
        @Id Long id;
    }
}
