package dev.pgorm.ddl.partition.internal;

import dev.pgorm.ddl.internal.EntityRuntime;
import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PgPartitionInfo;
import dev.pgorm.ddl.partition.PgPartitions;
import dev.pgorm.ddl.table.internal.TableOptions;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The run-time work behind {@link PgPartitions}: each operation in the caller's transaction, under
 * a lock per table, with the catalog read by {@link PartitionCatalog}, the ranges compared by
 * {@link PartitionRange} and the statements written by {@link PartitionSql}.
 */
public final class PartitionManager {

    private PartitionManager() {}

    public static List<String> ensureRange(
            EntityManager em, Class<?> entity, LocalDate from, LocalDate to, Period step) {
        List<RangeSteps.Step> steps = RangeSteps.of(from, to, step);
        String table = EntityRuntime.tableName(em, entity);
        // what the entity's @PgTable gives every partition: PostgreSQL keeps it per partition
        String with = TableOptions.of(entity).map(TableOptions::withClause).orElse("");
        return EntityRuntime.inTransaction(
                em,
                "PgPartitions.ensureRange",
                c -> {
                    PartitionCatalog catalog = new PartitionCatalog(c);
                    ParentTable parent = catalog.parent(table, entity);
                    RangeKey key = rangeKey(parent);
                    catalog.lock(parent);
                    List<PartitionRange> existing = catalog.ranges(parent, key);
                    List<String> created = new ArrayList<>();
                    for (RangeSteps.Step s : steps) {
                        String lowerLiteral = key.literal(s.lower());
                        String upperLiteral = key.literal(s.upper());
                        List<Instant> bounds =
                                catalog.points(key, List.of(lowerLiteral, upperLiteral));
                        Instant lower = bounds.get(0);
                        Instant upper = bounds.get(1);
                        Optional<PartitionRange> conflict =
                                PartitionRange.conflict(existing, lower, upper);
                        if (conflict.isPresent()) {
                            throw PartitionMessages.overlaps(parent, s, conflict.get());
                        }
                        if (PartitionRange.taken(existing, lower, upper)) {
                            continue;
                        }
                        String name = PartitionSql.partitionName(parent.name(), s.lower());
                        try {
                            catalog.execute(
                                    PartitionSql.create(
                                            parent, name, lowerLiteral, upperLiteral, with));
                        } catch (SQLException e) {
                            throw PartitionMessages.createFailed(name, parent, s, e);
                        }
                        PartitionRowSecurity.mirror(c, parent, name);
                        existing.add(new PartitionRange(name, lower, upper));
                        created.add(name);
                    }
                    return created;
                });
    }

    public static List<PgPartitionInfo> list(EntityManager em, Class<?> entity) {
        String table = EntityRuntime.tableName(em, entity);
        return EntityRuntime.inTransaction(
                em,
                "PgPartitions.list",
                c -> {
                    PartitionCatalog catalog = new PartitionCatalog(c);
                    List<PgPartitionInfo> result = new ArrayList<>();
                    for (PartitionCatalog.PartitionRow row :
                            catalog.partitions(catalog.parent(table, entity))) {
                        Optional<RangeBound> range = RangeBound.parse(row.bound());
                        result.add(
                                new PgPartitionInfo(
                                        row.name(),
                                        row.bound(),
                                        "DEFAULT".equals(row.bound()),
                                        range.map(RangeBound::from).orElse(null),
                                        range.map(RangeBound::to).orElse(null)));
                    }
                    return result;
                });
    }

    public static List<String> detachOlderThan(
            EntityManager em, Class<?> entity, LocalDate cutoff, boolean drop) {
        String table = EntityRuntime.tableName(em, entity);
        return EntityRuntime.inTransaction(
                em,
                "PgPartitions.detachOlderThan",
                c -> {
                    PartitionCatalog catalog = new PartitionCatalog(c);
                    ParentTable parent = catalog.parent(table, entity);
                    RangeKey key = rangeKey(parent);
                    catalog.lock(parent);
                    Instant limit = catalog.points(key, List.of(key.literal(cutoff))).get(0);
                    // Declared partitions belong to the mapping: update would re-create them.
                    Set<String> declared = new HashSet<>();
                    for (Partition p : entity.getAnnotationsByType(Partition.class)) {
                        declared.add(p.name());
                    }
                    List<String> detached = new ArrayList<>();
                    for (PartitionRange range : catalog.ranges(parent, key)) {
                        if (range.endsBy(limit) && !declared.contains(range.name())) {
                            catalog.execute(PartitionSql.detach(parent, range.name()));
                            if (drop) {
                                catalog.execute(PartitionSql.drop(parent, range.name()));
                            }
                            detached.add(range.name());
                        }
                    }
                    return detached;
                });
    }

    /**
     * Returns the key of a table that is RANGE-partitioned on one date, timestamp or timestamptz
     * column.
     *
     * @throws IllegalStateException for any other table
     */
    private static RangeKey rangeKey(ParentTable parent) {
        return RangeKey.of(parent.keyType())
                .orElseThrow(() -> PartitionMessages.notRangeOnDate(parent));
    }
}
