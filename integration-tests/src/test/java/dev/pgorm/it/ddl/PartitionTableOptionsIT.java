package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PartitionStrategy;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.partition.PgPartitions;
import dev.pgorm.ddl.table.PgTable;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @PgTable} on a {@code @Partitioned} entity: the storage parameters on every partition
 * (declared, and created at run time by {@code PgPartitions}), the tablespace on the parent and the
 * declared partitions; {@code update} on populated partitions without rewriting them, {@code
 * validate} naming a partition that differs, {@code unlogged} refused.
 */
@PgTest(isolation = PgTest.Isolation.SCHEMA)
class PartitionTableOptionsIT {

    private static final String SPACE = "pgorm_it_part_space";

    public static class ReadingId implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        LocalDate taken;

        @Override
        public boolean equals(Object o) {
            return o instanceof ReadingId r
                    && Objects.equals(id, r.id)
                    && Objects.equals(taken, r.taken);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, taken);
        }
    }

    // tag::partitioned[]
    @Entity(name = "Reading")
    @Table(name = "reading")
    @IdClass(ReadingId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "taken")
    @Partition(name = "reading_2026", from = "2026-01-01", to = "2027-01-01")
    @Partition(name = "reading_default", isDefault = true)
    @PgTable( // parameters on every partition, tablespace on the table (and so new partitions)
            fillfactor = 70,
            with = "autovacuum_vacuum_scale_factor = 0.01",
            tablespace = "pgorm_it_part_space")
    static class Reading {
        @Id Long id;
        @Id LocalDate taken;
        long amount;
    }

    // end::partitioned[]

    /** The next version: fuller pages, the database's tablespace, one more declared partition. */
    @Entity(name = "Reading")
    @Table(name = "reading")
    @IdClass(ReadingId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "taken")
    @Partition(name = "reading_2025", from = "2025-01-01", to = "2026-01-01")
    @Partition(name = "reading_2026", from = "2026-01-01", to = "2027-01-01")
    @Partition(name = "reading_default", isDefault = true)
    @PgTable(
            fillfactor = 90,
            with = "autovacuum_vacuum_scale_factor = 0.01",
            tablespace = "pg_default")
    static class ReadingV2 {
        @Id Long id;
        @Id LocalDate taken;
        long amount;
    }

    @Entity(name = "UnloggedReading")
    @Table(name = "unlogged_reading")
    @IdClass(ReadingId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "taken")
    @PgTable(unlogged = true)
    static class UnloggedReading {
        @Id Long id;
        @Id LocalDate taken;
    }

    private SessionFactory sf;

    @BeforeEach
    void create(PgTestDatabase db) {
        db.resetSchema();
        tablespace(db);
        sf = db.entityManagerFactory(Reading.class);
        // two months of partitions created at run time, after the declared ones
        List<String> created =
                sf.fromTransaction(
                        em ->
                                PgPartitions.ensureRange(
                                        em,
                                        Reading.class,
                                        LocalDate.of(2027, 1, 1),
                                        LocalDate.of(2027, 3, 1),
                                        Period.ofMonths(1)));
        assertThat(created).containsExactly("reading_p20270101", "reading_p20270201");
        db.execute(
                """
                insert into reading (id, taken, amount)
                select i, date '2026-01-01' + (i % 420), i from generate_series(1, 2000) i
                """,
                "insert into reading (id, taken, amount) values (3000, date '2031-05-01', 0)");
    }

    @AfterEach
    void close(PgTestDatabase db) {
        db.close(sf);
        // dropped only when empty; the replica holds a copy of it while it exists
        db.execute("drop table if exists reading", "drop tablespace if exists " + SPACE);
    }

    /** An in-place tablespace, as in {@code TableOptionsIT}: the replica shares this machine. */
    private static void tablespace(PgTestDatabase db) {
        if (db.sql()
                        .queryValue(
                                "select count(*) from pg_tablespace where spcname = ?",
                                Long.class,
                                SPACE)
                == 0) {
            db.execute(
                    "set allow_in_place_tablespaces = true",
                    "create tablespace " + SPACE + " location ''");
        }
    }

    /** Each table of the partition tree: name, storage parameters, tablespace. */
    private static List<String> storage(PgTestDatabase db) {
        List<String> tables = new ArrayList<>();
        for (Map<String, Object> row :
                db.sql()
                        .query(
                                """
                                select c.relname || ' ' || coalesce(array_to_string(c.reloptions, ','), '-')
                                       || ' ' || coalesce(t.spcname, '-') as storage
                                from pg_partition_tree('reading') p
                                join pg_class c on c.oid = p.relid
                                left join pg_tablespace t on t.oid = c.reltablespace
                                order by p.level, c.relname
                                """)) {
            tables.add((String) row.get("storage"));
        }
        return tables;
    }

    /** Each table of the partition tree and its file: a rewrite gives it a new one. */
    private static Map<String, Object> files(PgTestDatabase db) {
        Map<String, Object> files = new LinkedHashMap<>();
        for (Map<String, Object> row :
                db.sql()
                        .query(
                                """
                                select c.relname, pg_relation_filenode(c.oid) as file
                                from pg_partition_tree('reading') p join pg_class c on c.oid = p.relid
                                where p.isleaf order by c.relname
                                """)) {
            files.put((String) row.get("relname"), row.get("file"));
        }
        return files;
    }

    private static long total(PgTestDatabase db) {
        return db.sql()
                .queryValue("select (count(*) + sum(amount))::bigint from reading", Long.class);
    }

    @Test
    void createPutsTheParametersOnEveryPartitionAndTheTablespaceOnTheTable(PgTestDatabase db) {
        String options = "fillfactor=70,autovacuum_vacuum_scale_factor=0.01 ";
        assertThat(storage(db))
                .containsExactly(
                        "reading - " + SPACE,
                        "reading_2026 " + options + SPACE,
                        "reading_default " + options + SPACE,
                        "reading_p20270101 " + options + SPACE,
                        "reading_p20270201 " + options + SPACE);
        db.schemaAction("validate", Reading.class);
    }

    @Test
    void updateTwiceChangesPopulatedPartitionsWithoutRewritingThem(PgTestDatabase db) {
        Map<String, Object> before = files(db);
        long total = total(db);
        assertThatThrownBy(() -> db.schemaAction("validate", ReadingV2.class))
                .hasStackTraceContaining(
                        "storage parameters of the partitions of table reading (fillfactor = 90,"
                                + " autovacuum_vacuum_scale_factor = 0.01; @PgTable on entity"
                                + " Reading")
                .hasStackTraceContaining(
                        "run update), missing on reading_2026, reading_default,"
                                + " reading_p20270101, reading_p20270201;")
                .hasStackTraceContaining(
                        "storage options of table reading (partitioned, tablespace pg_default");

        db.schemaAction("update", ReadingV2.class);
        db.schemaAction("update", ReadingV2.class);
        db.schemaAction("validate", ReadingV2.class);

        // the parameters changed in place; the partitions stay where they are, new ones go to the
        // table's new tablespace
        String options = "fillfactor=90,autovacuum_vacuum_scale_factor=0.01 ";
        SessionFactory next =
                db.entityManagerFactory(
                        List.of(ReadingV2.class), Map.of(AvailableSettings.HBM2DDL_AUTO, "none"));
        try {
            List<String> created =
                    next.fromTransaction(
                            em ->
                                    PgPartitions.ensureRange(
                                            em,
                                            ReadingV2.class,
                                            LocalDate.of(2027, 3, 1),
                                            LocalDate.of(2027, 4, 1),
                                            Period.ofMonths(1)));
            assertThat(created).containsExactly("reading_p20270301");
        } finally {
            db.close(next);
        }
        assertThat(storage(db))
                .containsExactly(
                        "reading - -",
                        "reading_2025 " + options + "-",
                        "reading_2026 " + options + SPACE,
                        "reading_default " + options + SPACE,
                        "reading_p20270101 " + options + SPACE,
                        "reading_p20270201 " + options + SPACE,
                        "reading_p20270301 " + options + "-");
        Map<String, Object> after = files(db);
        before.forEach((table, file) -> assertThat(after).containsEntry(table, file));
        assertThat(total(db)).isEqualTo(total);
        db.schemaAction("validate", ReadingV2.class);
    }

    @Test
    void validateNamesAPartitionThatDiffers(PgTestDatabase db) {
        db.execute("alter table reading_p20270201 reset (fillfactor)");
        assertThatThrownBy(() -> db.schemaAction("validate", Reading.class))
                .hasStackTraceContaining(
                        "storage parameters of the partitions of table reading (fillfactor = 70,"
                                + " autovacuum_vacuum_scale_factor = 0.01; @PgTable on entity"
                                + " Reading")
                .hasStackTraceContaining("run update), missing on reading_p20270201 (")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("reading_p20270101"));
        db.schemaAction("update", Reading.class);
        db.schemaAction("validate", Reading.class);
        assertThat(storage(db))
                .contains(
                        "reading_p20270201 fillfactor=70,autovacuum_vacuum_scale_factor=0.01 "
                                + SPACE);
    }

    @Test
    void anUnloggedPartitionedTableFailsAtBoot(PgTestDatabase db) {
        assertThatThrownBy(() -> db.entityManagerFactory(UnloggedReading.class))
                .hasStackTraceContaining("@PgTable(unlogged = true) on entity UnloggedReading")
                .hasStackTraceContaining("PostgreSQL has no unlogged partitioned tables");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select to_regclass('unlogged_reading') is null",
                                        Boolean.class))
                .isTrue();
    }

    private static String stackTrace(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
