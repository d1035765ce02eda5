package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK;
import static dev.pgorm.migrate.PgMigrationHazard.INDEX_BUILD;
import static dev.pgorm.migrate.PgMigrationHazard.INDEX_DROPPED;
import static dev.pgorm.migrate.PgMigrationHazard.VALIDATES_DATA;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.Constraint;
import dev.pgorm.migrate.internal.SchemaModel.Index;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the constraints and indexes of a table that exists on both sides, in their zero-downtime
 * forms: concurrent index builds, NOT VALID then VALIDATE, unique constraints USING INDEX.
 */
final class ConstraintDiffer {

    private ConstraintDiffer() {}

    static void diff(
            Table old, Table t, List<Table> partitions, PlanBuilder plan, LiveFacts facts) {
        old = renameAlike(old, t, plan);
        for (Constraint c : old.constraints().values()) {
            Constraint wanted = t.constraints().get(c.name());
            if (wanted == null || !same(c, wanted)) {
                if (c.type().equals("p") && wanted != null) {
                    plan.unsupported(
                            "primary key "
                                    + c.name()
                                    + " of "
                                    + t.qname()
                                    + " is changed (not supported yet)");
                    continue;
                }
                plan.add(
                        c.type().equals("f") ? Phase.DROP_FOREIGN_KEYS : Phase.DROP_CONSTRAINTS,
                        dropConstraint(t, c));
            }
        }
        for (Constraint c : t.constraints().values()) {
            Constraint was = old.constraints().get(c.name());
            if (was == null || !same(was, c)) {
                addToExistingTable(t, c, plan, facts);
            } else if (!was.validated() && c.validated()) {
                plan.add(
                        Phase.ADD_CONSTRAINTS,
                        new Step(
                                TableDiffer.alter(t) + "VALIDATE CONSTRAINT " + name(c),
                                true,
                                Set.of(VALIDATES_DATA),
                                "",
                                true));
            }
        }
        if (t.form().partitioned()) {
            PartitionedIndexes.diff(old, t, partitions, plan);
        } else {
            indexes(old, t, plan);
        }
    }

    /**
     * Renames constraints and indexes whose name alone changed (as after a table rename), and
     * returns the table as it is after those renames.
     */
    private static Table renameAlike(Table old, Table t, PlanBuilder plan) {
        Map<String, Constraint> constraints = new LinkedHashMap<>(old.constraints());
        for (Constraint c : old.constraints().values()) {
            if (t.constraints().containsKey(c.name())) {
                continue;
            }
            t.constraints().values().stream()
                    .filter(w -> !constraints.containsKey(w.name()) && same(c, w))
                    .findFirst()
                    .ifPresent(
                            w -> {
                                plan.add(
                                        Phase.RENAMES,
                                        TableDiffer.alter(t)
                                                + "RENAME CONSTRAINT "
                                                + name(c)
                                                + " TO "
                                                + name(w));
                                constraints.remove(c.name());
                                constraints.put(w.name(), w);
                            });
        }
        Map<String, Index> indexes = new LinkedHashMap<>(old.indexes());
        for (Index i : old.indexes().values()) {
            if (t.indexes().containsKey(i.name())) {
                continue;
            }
            t.indexes().values().stream()
                    .filter(
                            w ->
                                    !indexes.containsKey(w.name())
                                            && w.unique() == i.unique()
                                            && w.body().equals(i.body()))
                    .findFirst()
                    .ifPresent(
                            w -> {
                                plan.add(
                                        Phase.RENAMES,
                                        "ALTER INDEX "
                                                + SchemaModel.qualified(t.schema(), i.name())
                                                + " RENAME TO "
                                                + PgIdentifiers.render(w.name()));
                                indexes.remove(i.name());
                                indexes.put(
                                        w.name(),
                                        new Index(w.name(), i.unique(), i.body(), i.valid()));
                            });
        }
        return old.with(constraints, indexes);
    }

    private static boolean same(Constraint a, Constraint b) {
        return a.type().equals(b.type()) && a.definition().equals(b.definition());
    }

    private static void addToExistingTable(
            Table t, Constraint c, PlanBuilder plan, LiveFacts facts) {
        if (c.type().equals("f") && t.form().partitioned()) {
            plan.add(
                    Phase.FOREIGN_KEYS,
                    new Step(
                            addConstraint(t, c, ""),
                            true,
                            Set.of(VALIDATES_DATA),
                            "checks every row under a SHARE ROW EXCLUSIVE lock, which blocks writes"
                                    + " to both tables: PostgreSQL has no NOT VALID foreign key on"
                                    + " a partitioned table",
                            true));
            return;
        }
        switch (c.type()) {
            case "f", "c" -> {
                plan.add(
                        c.type().equals("f") ? Phase.FOREIGN_KEYS : Phase.ADD_CONSTRAINTS,
                        addConstraint(t, c, " NOT VALID"));
                plan.add(
                        c.type().equals("f") ? Phase.FOREIGN_KEYS : Phase.ADD_CONSTRAINTS,
                        new Step(
                                TableDiffer.alter(t) + "VALIDATE CONSTRAINT " + name(c),
                                true,
                                Set.of(VALIDATES_DATA),
                                "",
                                true));
            }
            case "u" -> addUnique(t, c, plan, facts);
            default -> addWithIndexBuild(t, c, plan, facts);
        }
    }

    /**
     * A primary key or exclusion constraint: PostgreSQL has no concurrent form for either (and none
     * for a unique constraint on a partitioned table), so the index is built under an ACCESS
     * EXCLUSIVE lock, checking every row.
     */
    private static void addWithIndexBuild(
            Table t, Constraint c, PlanBuilder plan, LiveFacts facts) {
        if (!c.type().equals("x")) {
            long duplicates = facts.duplicates(t.qname(), c.columns());
            if (duplicates > 0) {
                refuseDuplicates(t, c, duplicates, plan);
                return;
            }
        }
        long rows = facts.rows(t.qname());
        plan.add(
                Phase.ADD_CONSTRAINTS,
                new Step(
                        addConstraint(t, c, ""),
                        true,
                        Set.of(INDEX_BUILD, ACCESS_EXCLUSIVE_LOCK, VALIDATES_DATA),
                        rows < 0 ? "" : rows + " rows checked under the lock",
                        true));
    }

    private static void refuseDuplicates(Table t, Constraint c, long duplicates, PlanBuilder plan) {
        plan.unsupported(
                (c.type().equals("p") ? "primary key " : "unique constraint ")
                        + c.name()
                        + " on "
                        + t.qname()
                        + " "
                        + c.columns()
                        + " cannot be added: "
                        + duplicates
                        + " key values are held by more than one row");
    }

    /** A unique constraint built concurrently as an index first; duplicates make the plan fail. */
    private static void addUnique(Table t, Constraint c, PlanBuilder plan, LiveFacts facts) {
        if (t.form().partitioned()) {
            addWithIndexBuild(t, c, plan, facts);
            return;
        }
        long duplicates = facts.duplicates(t.qname(), c.columns());
        if (duplicates > 0) {
            refuseDuplicates(t, c, duplicates, plan);
            return;
        }
        Index index = new Index(c.name(), true, c.indexBody(), true);
        plan.add(
                Phase.CREATE_INDEXES,
                new Step(
                        Sql.createIndex(t.qname(), index, c.name(), true),
                        false,
                        Set.of(INDEX_BUILD),
                        duplicates < 0 ? "" : "0 duplicate keys",
                        false));
        plan.add(
                Phase.ADD_CONSTRAINTS,
                TableDiffer.alter(t)
                        + "ADD CONSTRAINT "
                        + name(c)
                        + " UNIQUE USING INDEX "
                        + name(c));
    }

    private static void indexes(Table old, Table t, PlanBuilder plan) {
        for (Index i : old.indexes().values()) {
            if (!t.indexes().containsKey(i.name())) {
                plan.add(Phase.DROP_INDEXES, dropIndex(t, i.name()));
            }
        }
        for (Index i : t.indexes().values()) {
            Index was = old.indexes().get(i.name());
            if (was == null) {
                plan.add(Phase.CREATE_INDEXES, createIndex(t, i, i.name()));
            } else if (!was.valid() || was.unique() != i.unique() || !was.body().equals(i.body())) {
                String temporary = PgIdentifiers.fit(i.name() + "_pgorm_new");
                plan.add(Phase.CREATE_INDEXES, createIndex(t, i, temporary));
                plan.add(Phase.CREATE_INDEXES, dropIndex(t, i.name()));
                plan.add(
                        Phase.CREATE_INDEXES,
                        "ALTER INDEX "
                                + SchemaModel.qualified(t.schema(), temporary)
                                + " RENAME TO "
                                + PgIdentifiers.render(i.name()));
            }
        }
    }

    private static Step createIndex(Table t, Index i, String name) {
        return new Step(
                Sql.createIndex(t.qname(), i, name, true), false, Set.of(INDEX_BUILD), "", false);
    }

    private static Step dropIndex(Table t, String name) {
        return new Step(
                "DROP INDEX CONCURRENTLY " + SchemaModel.qualified(t.schema(), name),
                false,
                Set.of(INDEX_DROPPED),
                "",
                false);
    }

    static String addConstraint(Table t, Constraint c, String suffix) {
        return TableDiffer.alter(t) + "ADD CONSTRAINT " + name(c) + " " + c.definition() + suffix;
    }

    static String dropConstraint(Table t, Constraint c) {
        return TableDiffer.alter(t) + "DROP CONSTRAINT " + name(c);
    }

    private static String name(Constraint c) {
        return PgIdentifiers.render(c.name());
    }
}
