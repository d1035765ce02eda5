package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PartitionStrategy;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.table.PgTable;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code toast.*} parameter of {@code @PgTable} on a {@code @Partitioned} entity: on the TOAST
 * table of every partition, compared there by {@code validate} and {@code update}, which changes a
 * partition attached by hand once and then leaves the tree alone. {@code PartitionTableOptionsIT}
 * covers the other options on partitions.
 */
@PgTest(isolation = PgTest.Isolation.SCHEMA)
class PartitionToastOptionsIT {

    @Entity(name = "Visit")
    @Table(name = "visit")
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "id")
    @Partition(name = "visit_low", from = "0", to = "1000")
    @Partition(name = "visit_default", isDefault = true)
    @PgTable(with = "fillfactor = 80, toast.autovacuum_vacuum_scale_factor = 0.05")
    static class Visit {
        @Id Long id;

        @Column(length = 10_000)
        String agent;
    }

    private SessionFactory sf;

    @BeforeEach
    void create(PgTestDatabase db) {
        db.resetSchema();
        sf = db.entityManagerFactory(Visit.class);
        db.execute(
                "create table visit_high partition of visit for values from (1000) to (2000)",
                "insert into visit (id, agent) select i, repeat('a', i % 50) from generate_series(1, 3000) i");
    }

    @AfterEach
    void close(PgTestDatabase db) {
        db.close(sf);
    }

    /** Each table of the partition tree: name, storage parameters, its TOAST table's. */
    private static List<String> storage(PgTestDatabase db) {
        List<String> tables = new ArrayList<>();
        for (Map<String, Object> row :
                db.sql()
                        .query(
                                """
                                select c.relname || ' ' || coalesce(array_to_string(c.reloptions, ','), '-')
                                       || ' toast ' || case when c.reltoastrelid = 0 then 'none'
                                            else coalesce(array_to_string(toast.reloptions, ','), '-') end
                                       as storage
                                from pg_partition_tree('visit') p
                                join pg_class c on c.oid = p.relid
                                left join pg_class toast on toast.oid = c.reltoastrelid
                                order by p.level, c.relname
                                """)) {
            tables.add((String) row.get("storage"));
        }
        return tables;
    }

    /** The row versions of the tree's {@code pg_class} rows: {@code SET (...)} writes new ones. */
    private static String catalogRows(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        """
                        select string_agg(c.xmin::text || '/' || toast.xmin::text, ' ' order by c.relname)
                        from pg_partition_tree('visit') p join pg_class c on c.oid = p.relid
                        join pg_class toast on toast.oid = c.reltoastrelid
                        """,
                        String.class);
    }

    private static long total(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        "select (count(*) + sum(length(agent)))::bigint from visit", Long.class);
    }

    @Test
    void theParameterGoesOnEachPartitionsToastTableAndUpdateLeavesThemAloneOnceSet(
            PgTestDatabase db) {
        String options = "fillfactor=80 toast autovacuum_vacuum_scale_factor=0.05";
        assertThat(storage(db))
                .containsExactly(
                        "visit - toast none",
                        "visit_default " + options,
                        "visit_high - toast -",
                        "visit_low " + options);
        assertThatThrownBy(() -> db.schemaAction("validate", Visit.class))
                .hasStackTraceContaining(
                        "storage parameters of the partitions of table visit (fillfactor = 80,"
                                + " toast.autovacuum_vacuum_scale_factor = 0.05;")
                .hasStackTraceContaining("run update), missing on visit_high (");
        long total = total(db);

        db.schemaAction("update", Visit.class);
        String rows = catalogRows(db);
        db.schemaAction("update", Visit.class);
        assertThat(catalogRows(db)).as("second update altered nothing").isEqualTo(rows);
        db.schemaAction("validate", Visit.class);
        assertThat(storage(db))
                .containsOnly(
                        "visit - toast none",
                        "visit_default " + options,
                        "visit_high " + options,
                        "visit_low " + options);
        assertThat(total(db)).isEqualTo(total);
    }

    @Test
    void validateNamesAPartitionWhoseToastParameterDrifted(PgTestDatabase db) {
        db.schemaAction("update", Visit.class);
        db.execute("alter table visit_low reset (toast.autovacuum_vacuum_scale_factor)");
        assertThatThrownBy(() -> db.schemaAction("validate", Visit.class))
                .hasStackTraceContaining("run update), missing on visit_low (");
        db.schemaAction("update", Visit.class);
        db.schemaAction("validate", Visit.class);
        assertThat(storage(db))
                .contains("visit_low fillfactor=80 toast autovacuum_vacuum_scale_factor=0.05");
    }
}
