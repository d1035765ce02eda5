package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.table.PgTable;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @PgTable}: unlogged, fill factor, storage parameters (the TOAST table's too) and
 * tablespace applied on create, changed by {@code update} on a populated table and left alone by
 * the next one, reported by {@code validate}.
 */
@PgTest(isolation = PgTest.Isolation.SCHEMA)
class TableOptionsIT {

    // tag::table[]
    @Entity(name = "PageView")
    @Table(name = "page_view")
    @PgTable(
            unlogged = true, // rebuilt from the access log after a crash
            fillfactor = 70,
            with =
                    "autovacuum_vacuum_scale_factor = 0.01, toast.autovacuum_vacuum_scale_factor = 0.05")
    static class PageView {
        @Id Long id;
        String path;
        long hits;

        @Column(length = 10_000) // long values go to the TOAST table
        String userAgent;
    }

    // end::table[]

    /**
     * The next version: logged, fuller pages, in a tablespace of its own; parameters spelled in
     * forms PostgreSQL stores otherwise (a leading zero), compared as it stores them.
     */
    @Entity(name = "PageView")
    @Table(name = "page_view")
    @PgTable(
            fillfactor = 90,
            with =
                    "autovacuum_vacuum_scale_factor = 0.01, toast.autovacuum_vacuum_scale_factor = 0.05,"
                            + " toast.autovacuum_vacuum_threshold = 0100",
            tablespace = "pgorm_it_space")
    static class PageViewV2 {
        @Id Long id;
        String path;
        long hits;

        @Column(length = 10_000)
        String userAgent;
    }

    /**
     * No column needs a TOAST table: PostgreSQL accepts the toast parameter and keeps it nowhere.
     */
    @Entity(name = "Tally")
    @Table(name = "tally")
    @PgTable(with = "toast.autovacuum_enabled = FALSE")
    static class Tally {
        @Id Long id;
        long hits;
    }

    /** The next version: a long column, and so a TOAST table. */
    @Entity(name = "Tally")
    @Table(name = "tally")
    @PgTable(with = "toast.autovacuum_enabled = FALSE")
    static class TallyWithNote {
        @Id Long id;
        long hits;

        @Column(length = 10_000)
        String note;
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

    /** The table's persistence, storage parameters, tablespace and its TOAST table's parameters. */
    private static String options(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        """
                        select c.relpersistence::text || ' ' || coalesce(array_to_string(c.reloptions, ','), '')
                               || ' ' || coalesce(t.spcname, '-')
                               || ' toast ' || coalesce(array_to_string(toast.reloptions, ','), '-')
                        from pg_class c left join pg_tablespace t on t.oid = c.reltablespace
                        left join pg_class toast on toast.oid = c.reltoastrelid
                        where c.oid = 'page_view'::regclass
                        """,
                        String.class);
    }

    /**
     * The row versions of a table's and its TOAST table's {@code pg_class} rows: {@code ALTER TABLE
     * ... SET (...)} writes new ones even when nothing changes.
     */
    private static String catalogRows(PgTestDatabase db, String table) {
        return db.sql()
                .queryValue(
                        """
                        select c.xmin::text || ' ' || coalesce(toast.xmin::text, 'no TOAST table')
                        from pg_class c left join pg_class toast on toast.oid = c.reltoastrelid
                        where c.oid = ?::regclass
                        """,
                        String.class,
                        table);
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
        assertThat(options(db))
                .isEqualTo(
                        "u fillfactor=70,autovacuum_vacuum_scale_factor=0.01 -"
                                + " toast autovacuum_vacuum_scale_factor=0.05");
        db.schemaAction("validate", PageView.class);
    }

    @Test
    void updateChangesThemOnAPopulatedTableAndValidateSeesThem(PgTestDatabase db) {
        tablespace(db);
        assertThatThrownBy(() -> db.schemaAction("validate", PageViewV2.class))
                .hasStackTraceContaining(
                        "storage options of table page_view (logged, fillfactor = 90");
        db.schemaAction("update", PageViewV2.class);
        String rows = catalogRows(db, "page_view");
        db.schemaAction("update", PageViewV2.class);
        assertThat(catalogRows(db, "page_view"))
                .as("second update altered nothing")
                .isEqualTo(rows);
        db.schemaAction("validate", PageViewV2.class);
        assertThat(options(db))
                .isEqualTo(
                        "p fillfactor=90,autovacuum_vacuum_scale_factor=0.01 pgorm_it_space toast"
                                + " autovacuum_vacuum_scale_factor=0.05,autovacuum_vacuum_threshold=100");
        assertThat(db.sql().queryValue("select sum(hits)::bigint from page_view", Long.class))
                .isEqualTo(500_500L);
    }

    @Test
    void validateReportsADriftedToastParameterAndUpdateRestoresIt(PgTestDatabase db) {
        db.execute("alter table page_view reset (toast.autovacuum_vacuum_scale_factor)");
        assertThatThrownBy(() -> db.schemaAction("validate", PageView.class))
                .hasStackTraceContaining(
                        "storage options of table page_view (unlogged, fillfactor = 70,"
                                + " autovacuum_vacuum_scale_factor = 0.01,"
                                + " toast.autovacuum_vacuum_scale_factor = 0.05;");
        db.schemaAction("update", PageView.class);
        db.schemaAction("validate", PageView.class);
        assertThat(options(db)).endsWith(" toast autovacuum_vacuum_scale_factor=0.05");
        assertThat(db.sql().queryValue("select sum(hits)::bigint from page_view", Long.class))
                .isEqualTo(500_500L);
    }

    @Test
    void aTableWithoutAToastTableTakesTheToastParameterOnceItHasOne(PgTestDatabase db) {
        db.schemaAction("update", Tally.class);
        db.execute("insert into tally (id, hits) select i, i from generate_series(1, 100) i");
        String rows = catalogRows(db, "tally");
        assertThat(rows).endsWith(" no TOAST table");
        db.schemaAction("update", Tally.class);
        assertThat(catalogRows(db, "tally")).as("update altered nothing").isEqualTo(rows);
        db.schemaAction("validate", Tally.class);

        db.schemaAction("update", TallyWithNote.class); // adds the column, then the parameter
        db.schemaAction("validate", TallyWithNote.class);
        assertThat(
                        db.sql()
                                .queryValue(
                                        """
                                        select array_to_string(toast.reloptions, ',') from pg_class c
                                        join pg_class toast on toast.oid = c.reltoastrelid
                                        where c.oid = 'tally'::regclass
                                        """,
                                        String.class))
                .isEqualTo("autovacuum_enabled=false");
        assertThat(db.sql().queryValue("select sum(hits)::bigint from tally", Long.class))
                .isEqualTo(5050L);
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
