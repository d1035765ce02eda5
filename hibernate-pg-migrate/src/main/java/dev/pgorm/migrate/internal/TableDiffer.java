package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK;
import static dev.pgorm.migrate.PgMigrationHazard.DELETES_DATA;
import static dev.pgorm.migrate.PgMigrationHazard.POSSIBLE_RENAME;
import static dev.pgorm.migrate.PgMigrationHazard.TABLE_REWRITE;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.Column;
import dev.pgorm.migrate.internal.SchemaModel.Constraint;
import dev.pgorm.migrate.internal.SchemaModel.Index;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Plans a table created, dropped or altered column by column. */
final class TableDiffer {

    private TableDiffer() {}

    /** Creates a table with its columns, keys and checks; foreign keys follow all tables. */
    static void create(Table t, SchemaModel current, PlanBuilder plan, LiveFacts facts) {
        if (t.form().partition()) {
            TableForms.createPartition(t, current, plan, facts);
            return;
        }
        List<String> parts = new ArrayList<>();
        t.columns().forEach(c -> parts.add(Sql.column(c)));
        for (Constraint c : t.constraints().values()) {
            if (!c.type().equals("f")) {
                parts.add("CONSTRAINT " + PgIdentifiers.render(c.name()) + " " + c.definition());
            }
        }
        plan.add(
                Phase.CREATE_TABLES,
                "CREATE "
                        + t.form().persistence()
                        + "TABLE "
                        + t.qname()
                        + " (\n    "
                        + String.join(",\n    ", parts)
                        + "\n)"
                        + t.form().createClauses());
        TableForms.inherit(t, plan);
        for (Index i : t.indexes().values()) {
            plan.add(Phase.CREATE_TABLES, Sql.createIndex(t.qname(), i, i.name(), false));
        }
        for (Constraint c : t.constraints().values()) {
            if (c.type().equals("f")) {
                plan.add(Phase.FOREIGN_KEYS, ConstraintDiffer.addConstraint(t, c, ""));
            }
        }
    }

    /**
     * Drops a table, after its foreign keys so that drop order never matters; the drop holds an
     * ACCESS EXCLUSIVE lock until its transaction commits and unlinks every file of the table.
     */
    static void drop(Table t, PlanBuilder plan, LiveFacts facts) {
        for (Constraint c : t.constraints().values()) {
            if (c.type().equals("f")) {
                plan.add(Phase.DROP_FOREIGN_KEYS, ConstraintDiffer.dropConstraint(t, c));
            }
        }
        long rows = facts.rows(t.qname());
        plan.add(
                Phase.DROP_TABLES,
                new Step(
                        "DROP TABLE " + t.qname(),
                        true,
                        Set.of(DELETES_DATA, ACCESS_EXCLUSIVE_LOCK),
                        rows < 0 ? "" : rows + " rows deleted",
                        false));
    }

    /** Plans the column, constraint and index changes of a table that exists on both sides. */
    static void alter(
            Table old, Table t, List<Table> partitions, PlanBuilder plan, LiveFacts facts) {
        if (!TableForms.alter(old, t, plan)) {
            return;
        }
        List<Column> added =
                t.columns().stream().filter(c -> old.column(c.name()) == null).toList();
        List<Column> dropped =
                old.columns().stream().filter(c -> t.column(c.name()) == null).toList();
        for (Column c : added) {
            boolean renamed = dropped.stream().anyMatch(d -> d.type().equals(c.type()));
            addColumn(t, c, renamed, plan, facts);
        }
        for (Column c : dropped) {
            boolean renamed = added.stream().anyMatch(a -> a.type().equals(c.type()));
            EnumSet<PgMigrationHazard> hazards = EnumSet.of(DELETES_DATA);
            if (renamed) {
                hazards.add(POSSIBLE_RENAME);
            }
            long values = facts.values(t.qname(), c.name());
            plan.add(
                    Phase.DROP_COLUMNS,
                    new Step(
                            alter(t) + "DROP COLUMN " + PgIdentifiers.render(c.name()),
                            true,
                            hazards,
                            values < 0 ? "" : values + " rows have a value in " + c.name(),
                            false));
        }
        for (Column c : t.columns()) {
            Column was = old.column(c.name());
            if (was != null) {
                ColumnDiffer.alter(t, was, c, plan, facts);
            }
        }
        ConstraintDiffer.diff(old, t, partitions, plan, facts);
    }

    private static void addColumn(
            Table t, Column c, boolean renamed, PlanBuilder plan, LiveFacts facts) {
        EnumSet<PgMigrationHazard> hazards = EnumSet.noneOf(PgMigrationHazard.class);
        if (renamed) {
            hazards.add(POSSIBLE_RENAME);
        }
        if (!c.identity().isEmpty() || c.generated() || !Sql.isConstant(c.defaultExpr())) {
            hazards.add(TABLE_REWRITE);
            hazards.add(ACCESS_EXCLUSIVE_LOCK);
        }
        boolean notNullLater =
                c.notNull() && c.defaultExpr() == null && c.identity().isEmpty() && !c.generated();
        Column added = notNullLater ? ColumnDiffer.withNotNull(c, false) : c;
        plan.add(
                Phase.ADD_COLUMNS,
                new Step(alter(t) + "ADD COLUMN " + Sql.column(added), true, hazards, "", false));
        if (notNullLater) {
            ColumnDiffer.setNotNull(t, c, facts.rows(t.qname()), plan);
        }
    }

    static String alter(Table t) {
        return "ALTER TABLE " + t.qname() + " ";
    }
}
