package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK;
import static dev.pgorm.migrate.PgMigrationHazard.TABLE_REWRITE;
import static dev.pgorm.migrate.PgMigrationHazard.VALIDATES_DATA;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.Constraint;
import dev.pgorm.migrate.internal.SchemaModel.Index;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans what {@link TableForm} describes: partitions created or attached, inheritance linked and
 * unlinked, persistence and storage parameters changed.
 */
final class TableForms {

    /** How the catalog reader marks the parameters of a table's TOAST table. */
    private static final String TOAST_PREFIX = "toast.";

    private TableForms() {}

    /**
     * Creates a partition: {@code PARTITION OF} a parent created in the same plan; for a parent
     * that exists, a table {@code LIKE} it, then {@code ATTACH PARTITION}, which locks the parent
     * in SHARE UPDATE EXCLUSIVE mode only (writes go on) unless a default partition must be
     * scanned.
     */
    static void createPartition(Table t, SchemaModel current, PlanBuilder plan, LiveFacts facts) {
        TableForm f = t.form();
        Table parent = current.tables().get(f.partitionOf());
        String create = "CREATE " + f.persistence() + "TABLE " + t.qname();
        if (parent == null) {
            plan.add(
                    Phase.PARTITIONS,
                    create + " PARTITION OF " + f.partitionOf() + f.createClauses());
        } else {
            TableForm unbound =
                    new TableForm(
                            f.partitionKey(), null, null, List.of(), false, f.storage(), Map.of());
            plan.add(
                    Phase.PARTITIONS,
                    create
                            + " (LIKE "
                            + f.partitionOf()
                            + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)"
                            + unbound.createClauses());
            attach(t, parent, current, plan, facts);
        }
        for (Index i : t.indexes().values()) {
            plan.add(Phase.PARTITIONS, Sql.createIndex(t.qname(), i, i.name(), false));
        }
        for (Constraint c : t.constraints().values()) {
            plan.add(
                    c.type().equals("f") ? Phase.FOREIGN_KEYS : Phase.PARTITIONS,
                    ConstraintDiffer.addConstraint(t, c, ""));
        }
    }

    private static void attach(
            Table t, Table parent, SchemaModel current, PlanBuilder plan, LiveFacts facts) {
        Table fallback =
                current.tables().values().stream()
                        .filter(
                                p ->
                                        parent.qname().equals(p.form().partitionOf())
                                                && "DEFAULT".equals(p.form().bound()))
                        .findFirst()
                        .orElse(null);
        Set<PgMigrationHazard> hazards = Set.of();
        String note = "";
        if (fallback != null) {
            // rows of the default partition that belong to the new one make ATTACH fail
            hazards = Set.of(VALIDATES_DATA, ACCESS_EXCLUSIVE_LOCK);
            long rows = facts.rows(fallback.qname());
            note =
                    "scans default partition "
                            + fallback.qname()
                            + (rows < 0 ? "" : " (" + rows + " rows)")
                            + " under an ACCESS EXCLUSIVE lock";
        }
        plan.add(
                Phase.PARTITIONS,
                new Step(
                        TableDiffer.alter(parent)
                                + "ATTACH PARTITION "
                                + t.qname()
                                + " "
                                + t.form().bound(),
                        true,
                        hazards,
                        note,
                        false));
    }

    /** Links a new table to the tables it inherits from, after every table exists. */
    static void inherit(Table t, PlanBuilder plan) {
        for (String parent : t.form().inherits()) {
            plan.add(Phase.INHERIT, TableDiffer.alter(t) + "INHERIT " + parent);
        }
    }

    /**
     * Plans the form changes of a table on both sides; returns false, with the reason recorded,
     * when they cannot be planned.
     */
    static boolean alter(Table old, Table t, PlanBuilder plan) {
        TableForm was = old.form();
        TableForm f = t.form();
        if (!Objects.equals(was.partitionKey(), f.partitionKey())) {
            return refuse(
                    t,
                    plan,
                    "partition key "
                            + Objects.requireNonNullElse(was.partitionKey(), "none")
                            + " becomes "
                            + Objects.requireNonNullElse(f.partitionKey(), "none")
                            + " (a new partitioning needs a new table and a copy of the rows: create"
                            + " it as a new table and move the rows in a migration of your own)");
        }
        if (!Objects.equals(was.partitionOf(), f.partitionOf())
                || !Objects.equals(was.bound(), f.bound())) {
            return refuse(
                    t,
                    plan,
                    "partition of "
                            + was.partitionOf()
                            + " "
                            + was.bound()
                            + " becomes partition of "
                            + f.partitionOf()
                            + " "
                            + f.bound()
                            + " (changing bounds moves rows: detach and attach it in a migration of"
                            + " your own)");
        }
        for (String parent : was.inherits()) {
            if (!f.inherits().contains(parent)) {
                plan.add(Phase.NO_INHERIT, TableDiffer.alter(t) + "NO INHERIT " + parent);
            }
        }
        for (String parent : f.inherits()) {
            if (!was.inherits().contains(parent)) {
                plan.add(Phase.INHERIT, TableDiffer.alter(t) + "INHERIT " + parent);
            }
        }
        if (was.unlogged() != f.unlogged()) {
            plan.add(
                    Phase.TABLE_OPTIONS,
                    TableDiffer.alter(t) + (f.unlogged() ? "SET UNLOGGED" : "SET LOGGED"),
                    TABLE_REWRITE,
                    ACCESS_EXCLUSIVE_LOCK);
        }
        storage(t, was.storage(), f.storage(), plan);
        return true;
    }

    /**
     * Plans the storage parameters that differ. The {@code toast.*} ones go after the column
     * changes: PostgreSQL keeps them on the TOAST table, and drops them silently while the table
     * has none, which the first column that needs one creates.
     */
    private static void storage(Table t, List<String> was, List<String> now, PlanBuilder plan) {
        for (boolean toast : new boolean[] {false, true}) {
            List<String> set =
                    now.stream()
                            .filter(o -> o.startsWith(TOAST_PREFIX) == toast && !was.contains(o))
                            .toList();
            List<String> reset = new ArrayList<>();
            for (String o : was) {
                String key = o.substring(0, o.indexOf('='));
                if (key.startsWith(TOAST_PREFIX) == toast
                        && now.stream().noneMatch(n -> n.startsWith(key + "="))) {
                    reset.add(key);
                }
            }
            Phase phase = toast ? Phase.TOAST_OPTIONS : Phase.TABLE_OPTIONS;
            if (!set.isEmpty()) {
                plan.add(phase, TableDiffer.alter(t) + "SET (" + String.join(", ", set) + ")");
            }
            if (!reset.isEmpty()) {
                plan.add(phase, TableDiffer.alter(t) + "RESET (" + String.join(", ", reset) + ")");
            }
        }
    }

    private static boolean refuse(Table t, PlanBuilder plan, String what) {
        plan.unsupported("table " + t.qname() + ": " + what);
        return false;
    }

    /** Returns the number of partition or inheritance levels above a table in {@code model}. */
    static int depth(Table t, SchemaModel model) {
        int depth = 0;
        Table at = t;
        while (at != null && depth < 64) {
            String parent =
                    at.form().partition()
                            ? at.form().partitionOf()
                            : at.form().inherits().isEmpty() ? null : at.form().inherits().get(0);
            if (parent == null) {
                break;
            }
            at = model.tables().get(parent);
            depth++;
        }
        return depth;
    }
}
