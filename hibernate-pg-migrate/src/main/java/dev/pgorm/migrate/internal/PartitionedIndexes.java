package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK;
import static dev.pgorm.migrate.PgMigrationHazard.INDEX_BUILD;
import static dev.pgorm.migrate.PgMigrationHazard.INDEX_DROPPED;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.Index;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import java.util.List;
import java.util.Set;

/**
 * Indexes of a partitioned table that exists on both sides. PostgreSQL builds no index on a
 * partitioned table concurrently, so a new one is created {@code ON ONLY} the parent (no build),
 * built concurrently on each partition and attached there; the parent's index becomes valid when
 * the last partition is attached.
 */
final class PartitionedIndexes {

    private PartitionedIndexes() {}

    /**
     * Plans the index changes of {@code t}.
     *
     * @param partitions the partitions {@code t} has after the plan's partitions are created
     */
    static void diff(Table old, Table t, List<Table> partitions, PlanBuilder plan) {
        for (Table p : partitions) {
            if (p.form().partitioned()) {
                plan.unsupported(
                        "indexes of "
                                + t.qname()
                                + ": partition "
                                + p.qname()
                                + " is partitioned itself (indexes on more than one level of"
                                + " partitions are not planned)");
                return;
            }
        }
        for (Index i : old.indexes().values()) {
            if (!t.indexes().containsKey(i.name())) {
                plan.add(Phase.DROP_INDEXES, drop(t, i.name()));
            }
        }
        for (Index i : t.indexes().values()) {
            Index was = old.indexes().get(i.name());
            if (was == null) {
                build(t, i, i.name(), partitions, "", plan);
            } else if (!was.valid() || was.unique() != i.unique() || !was.body().equals(i.body())) {
                String suffix = "_pgorm_new";
                build(t, i, PgIdentifiers.fit(i.name() + suffix), partitions, suffix, plan);
                plan.add(Phase.CREATE_INDEXES, drop(t, i.name()));
                rename(t, PgIdentifiers.fit(i.name() + suffix), i.name(), plan);
                for (Table p : partitions) {
                    String name = partitionIndex(p, i.name());
                    rename(t, PgIdentifiers.fit(name + suffix), name, plan);
                }
            }
        }
    }

    private static void build(
            Table t,
            Index i,
            String name,
            List<Table> partitions,
            String suffix,
            PlanBuilder plan) {
        plan.add(Phase.CREATE_INDEXES, Sql.createIndex("ONLY " + t.qname(), i, name, false));
        for (Table p : partitions) {
            String own = PgIdentifiers.fit(partitionIndex(p, i.name()) + suffix);
            plan.add(
                    Phase.CREATE_INDEXES,
                    new Step(
                            Sql.createIndex(p.qname(), i, own, true),
                            false,
                            Set.of(INDEX_BUILD),
                            "",
                            false));
        }
        for (Table p : partitions) {
            String own = PgIdentifiers.fit(partitionIndex(p, i.name()) + suffix);
            plan.add(
                    Phase.CREATE_INDEXES,
                    "ALTER INDEX "
                            + SchemaModel.qualified(t.schema(), name)
                            + " ATTACH PARTITION "
                            + SchemaModel.qualified(p.schema(), own));
        }
    }

    /**
     * Returns the name the partition's index has where the entities were created, or one made of
     * the partition's and the index's names for a partition the entities do not declare.
     */
    private static String partitionIndex(Table p, String index) {
        String declared = p.form().attachedIndexes().get(index);
        return declared != null ? declared : PgIdentifiers.fit(p.name() + "_" + index);
    }

    private static void rename(Table t, String from, String to, PlanBuilder plan) {
        plan.add(
                Phase.CREATE_INDEXES,
                "ALTER INDEX "
                        + SchemaModel.qualified(t.schema(), from)
                        + " RENAME TO "
                        + PgIdentifiers.render(to));
    }

    /** DROP INDEX CONCURRENTLY does not take an index of a partitioned table. */
    private static Step drop(Table t, String name) {
        return new Step(
                "DROP INDEX " + SchemaModel.qualified(t.schema(), name),
                true,
                Set.of(INDEX_DROPPED, ACCESS_EXCLUSIVE_LOCK),
                "",
                false);
    }
}
