package dev.pgorm.ddl.partition.internal;

import dev.pgorm.core.internal.PgCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@code PgPartitions} reads from the catalog, and the lock it takes, on one connection. */
final class PartitionCatalog {

    private static final String PARENT =
            """
            select c.oid::bigint as oid, n.nspname, c.relname, p.partstrat::text as strat, p.partnatts,
                   (select format_type(a.atttypid, a.atttypmod)
                      from pg_catalog.pg_attribute a
                     where a.attrelid = c.oid and a.attnum = p.partattrs[0]) as keytype
              from pg_catalog.pg_class c
              join pg_catalog.pg_namespace n on n.oid = c.relnamespace
              left join pg_catalog.pg_partitioned_table p on p.partrelid = c.oid
             where c.oid = to_regclass(?)
            """;

    private static final String PARTITIONS =
            """
            select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
              from pg_catalog.pg_inherits i
              join pg_catalog.pg_class c on c.oid = i.inhrelid
             where i.inhparent = ?
             order by c.relname
            """;

    /** Casts bound literals to the key's type, in order; {@code %s} is {@link RangeKey#cast()}. */
    private static final String POINTS =
            """
            select case when x in ('MINVALUE', 'MAXVALUE') then null else x::%s end
              from unnest(?::text[]) with ordinality as t(x, n)
             order by n
            """;

    private static final String ISOLATION = "select current_setting('transaction_isolation')";

    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended(?, 0))";

    /** One row of {@link #PARENT}. */
    private record ParentRow(
            long oid, String schema, String name, String strategy, int keyColumns, String keyType) {
        static ParentRow of(ResultSet row) throws SQLException {
            return new ParentRow(
                    row.getLong("oid"),
                    row.getString("nspname"),
                    row.getString("relname"),
                    row.getString("strat"),
                    row.getInt("partnatts"),
                    row.getString("keytype"));
        }
    }

    /**
     * One partition and its bound as {@code pg_get_expr} prints it.
     *
     * @param name the partition's table name
     * @param bound for example {@code FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')}
     */
    record PartitionRow(String name, String bound) {
        static PartitionRow of(ResultSet row) throws SQLException {
            return new PartitionRow(row.getString("name"), row.getString("bound"));
        }
    }

    private final PgCatalog catalog;

    PartitionCatalog(Connection connection) {
        this.catalog = PgCatalog.on(connection);
    }

    /**
     * Returns the partitioned table behind an entity.
     *
     * @throws IllegalStateException when the table does not exist or is not partitioned
     */
    ParentTable parent(String table, Class<?> entity) throws SQLException {
        ParentRow row =
                catalog.optional(PARENT, ParentRow::of, table)
                        .orElseThrow(() -> PartitionMessages.tableMissing(table, entity));
        if (row.strategy() == null) {
            throw PartitionMessages.notPartitioned(table, entity);
        }
        boolean rangeOnOneColumn = "r".equals(row.strategy()) && row.keyColumns() == 1;
        return new ParentTable(
                row.oid(), row.schema(), row.name(), rangeOnOneColumn ? row.keyType() : null);
    }

    /** Returns the partitions of {@code parent} by name. */
    List<PartitionRow> partitions(ParentTable parent) throws SQLException {
        return catalog.list(PARTITIONS, PartitionRow::of, parent.oid());
    }

    /** Returns the single-column range partitions of {@code parent} as points in time. */
    List<PartitionRange> ranges(ParentTable parent, RangeKey key) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        for (PartitionRow row : partitions(parent)) {
            RangeBound.parse(row.bound())
                    .ifPresent(
                            bound -> {
                                names.add(row.name());
                                literals.add(bound.from());
                                literals.add(bound.to());
                            });
        }
        List<Instant> points = points(key, literals);
        List<PartitionRange> ranges = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ranges.add(new PartitionRange(names.get(i), points.get(2 * i), points.get(2 * i + 1)));
        }
        return ranges;
    }

    /**
     * Returns bound literals of the key's type as points in time, read by the server as it reads
     * partition bounds; {@code MINVALUE} and {@code MAXVALUE} become null.
     */
    List<Instant> points(RangeKey key, List<String> literals) throws SQLException {
        if (literals.isEmpty()) {
            return List.of();
        }
        return catalog.list(
                POINTS.formatted(key.cast()), row -> key.read(row, 1), catalog.textArray(literals));
    }

    /**
     * Serializes partition management of one table. Under REPEATABLE READ or SERIALIZABLE the
     * catalog snapshot predates the lock, so a waiting caller would not see the partitions the
     * previous one created: such transactions are refused.
     */
    void lock(ParentTable parent) throws SQLException {
        String isolation = catalog.value(ISOLATION, String.class);
        if (!"read committed".equals(isolation)) {
            throw PartitionMessages.notReadCommitted(isolation);
        }
        catalog.execute(LOCK, "pgorm.partitions." + parent.oid());
    }

    /** Runs a statement that returns nothing. */
    void execute(String sql) throws SQLException {
        catalog.execute(sql);
    }
}
