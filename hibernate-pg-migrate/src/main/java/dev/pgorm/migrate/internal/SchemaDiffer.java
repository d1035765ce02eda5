package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.Comment;
import dev.pgorm.migrate.internal.SchemaModel.Constraint;
import dev.pgorm.migrate.internal.SchemaModel.Index;
import dev.pgorm.migrate.internal.SchemaModel.Sequence;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the current schema with the desired one and plans the statements between them; tables
 * are left to {@link TableDiffer}, differences it cannot plan yet are collected as unsupported.
 */
final class SchemaDiffer {

    private final SchemaModel current;
    private final SchemaModel desired;
    private final LiveFacts facts;
    private final PlanBuilder plan = new PlanBuilder();

    private SchemaDiffer(SchemaModel current, SchemaModel desired, LiveFacts facts) {
        this.current = current;
        this.desired = desired;
        this.facts = facts;
    }

    /** Plans the way from {@code current} to {@code desired}. */
    static PlanBuilder diff(SchemaModel current, SchemaModel desired, LiveFacts facts) {
        SchemaDiffer d = new SchemaDiffer(current, desired, facts);
        d.schemas();
        d.extensions();
        d.enums();
        CollationDiffer.diff(d.current, d.desired, d.plan);
        CompositeTypeDiffer.diff(d.current, d.desired, d.plan);
        DomainDiffer.diff(d.current, d.desired, d.plan);
        d.sequences();
        d.tables();
        d.others();
        StatisticsDiffer.diff(d.current, d.desired, d.plan);
        ViewDiffer.diff(d.current, d.desired, d.plan);
        PolicyDiffer.diff(d.current, d.desired, d.plan);
        RoutineDiffer.diff(d.current, d.desired, d.plan);
        d.comments();
        return d.plan;
    }

    private void schemas() {
        for (String s : desired.schemas()) {
            if (!current.schemas().contains(s)) {
                plan.add(Phase.SCHEMAS, "CREATE SCHEMA " + PgIdentifiers.render(s));
            }
        }
    }

    /** Adds missing extensions; extensions the entities do not declare are never dropped. */
    private void extensions() {
        desired.extensions()
                .forEach(
                        (name, schema) -> {
                            if (!current.extensions().containsKey(name)) {
                                plan.add(
                                        Phase.EXTENSIONS,
                                        "CREATE EXTENSION IF NOT EXISTS "
                                                + PgIdentifiers.render(name)
                                                + " WITH SCHEMA "
                                                + PgIdentifiers.render(schema));
                            }
                        });
    }

    private void enums() {
        for (EnumType e : desired.enums().values()) {
            EnumType old = current.enums().get(e.qname());
            if (old == null) {
                plan.add(
                        Phase.TYPES,
                        "CREATE TYPE "
                                + e.qname()
                                + " AS ENUM ("
                                + String.join(", ", e.labels().stream().map(Sql::literal).toList())
                                + ")");
            } else if (!old.labels().equals(e.labels())) {
                addLabels(old, e);
            }
        }
        for (EnumType e : current.enums().values()) {
            if (!desired.enums().containsKey(e.qname())) {
                plan.add(Phase.DROP_TYPES, "DROP TYPE " + e.qname());
            }
        }
    }

    /** Adds labels in declared order; removing or reordering labels is not supported. */
    private void addLabels(EnumType old, EnumType e) {
        List<String> wanted = e.labels().stream().filter(old.labels()::contains).toList();
        if (!wanted.equals(old.labels())) {
            plan.unsupported(
                    "enum type "
                            + e.qname()
                            + ": labels "
                            + old.labels()
                            + " become "
                            + e.labels()
                            + " (removing or reordering labels is not supported yet)");
            return;
        }
        List<String> labels = e.labels();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (old.labels().contains(label)) {
                continue;
            }
            String position =
                    i > 0
                            ? " AFTER " + Sql.literal(labels.get(i - 1))
                            : old.labels().isEmpty()
                                    ? ""
                                    : " BEFORE " + Sql.literal(old.labels().get(0));
            plan.add(
                    Phase.TYPE_VALUES,
                    new Step(
                            "ALTER TYPE "
                                    + e.qname()
                                    + " ADD VALUE "
                                    + Sql.literal(label)
                                    + position,
                            false,
                            Set.of(),
                            "",
                            false));
        }
    }

    private void sequences() {
        for (Sequence s : desired.sequences().values()) {
            Sequence old = current.sequences().get(s.qname());
            if (old == null) {
                plan.add(Phase.SEQUENCES, "CREATE SEQUENCE " + s.qname() + " " + s.definition());
            } else if (!old.definition().equals(s.definition())) {
                plan.add(Phase.SEQUENCES, "ALTER SEQUENCE " + s.qname() + " " + s.definition());
            }
        }
        for (Sequence s : current.sequences().values()) {
            if (!desired.sequences().containsKey(s.qname())) {
                plan.add(Phase.DROP_SEQUENCES, "DROP SEQUENCE " + s.qname());
            }
        }
    }

    /**
     * Creates tables, parents before their partitions and children; alters and drops tables,
     * children before their parents. Partitions the entities do not declare (such as those {@code
     * PgPartitions} creates at run time) are left alone, and go with their parent if it is dropped.
     */
    private void tables() {
        Map<String, Table> now = current.tables();
        List<Table> wanted = new ArrayList<>(desired.tables().values());
        wanted.sort(Comparator.comparingInt(t -> TableForms.depth(t, desired)));
        for (Table t : wanted) {
            if (!now.containsKey(t.qname())) {
                TableDiffer.create(t, current, plan, facts);
            }
        }
        // children first: a column added to a child and its parent is then merged, not duplicated
        for (int i = wanted.size() - 1; i >= 0; i--) {
            Table t = wanted.get(i);
            Table old = now.get(t.qname());
            if (old != null) {
                TableDiffer.alter(old, t, partitions(t), plan, facts);
            }
        }
        List<Table> gone = new ArrayList<>();
        for (Table t : now.values()) {
            if (!desired.tables().containsKey(t.qname()) && !t.form().partition()) {
                gone.add(t);
            }
        }
        gone.sort(Comparator.comparingInt((Table t) -> TableForms.depth(t, current)).reversed());
        gone.forEach(t -> TableDiffer.drop(t, plan, facts));
    }

    /**
     * Returns the partitions a table has once the plan has run: those the entities declare, and
     * those they do not declare, which the plan leaves alone.
     */
    private List<Table> partitions(Table t) {
        List<Table> partitions = new ArrayList<>();
        for (Table p : desired.tables().values()) {
            if (t.qname().equals(p.form().partitionOf())) {
                partitions.add(p);
            }
        }
        for (Table p : current.tables().values()) {
            if (t.qname().equals(p.form().partitionOf())
                    && !desired.tables().containsKey(p.qname())) {
                partitions.add(p);
            }
        }
        return partitions;
    }

    /** Sets changed comments; removes those whose object stays but loses its comment. */
    private void comments() {
        for (Comment c : desired.comments().values()) {
            Comment was = current.comments().get(c.target());
            if (was == null || !was.text().equals(c.text()) || rebuilt(c)) {
                plan.add(
                        Phase.COMMENTS,
                        "COMMENT ON " + c.target() + " IS " + Sql.literal(c.text()));
            }
        }
        for (Comment c : current.comments().values()) {
            if (!desired.comments().containsKey(c.target()) && exists(c)) {
                plan.add(Phase.COMMENTS, "COMMENT ON " + c.target() + " IS NULL");
            }
        }
    }

    /**
     * Returns whether the plan re-creates the commented index or constraint, losing its comment.
     */
    private boolean rebuilt(Comment c) {
        if (c.kind().equals("FUNCTION") || c.kind().equals("PROCEDURE")) {
            return false; // CREATE OR REPLACE keeps the comment
        }
        Table was = current.tables().get(SchemaModel.qualified(c.schema(), c.table()));
        Table t = desired.tables().get(SchemaModel.qualified(c.schema(), c.table()));
        if (was == null || t == null) {
            return false;
        }
        if (c.kind().equals("INDEX")) {
            Index old = was.indexes().get(c.name());
            Index now = t.indexes().get(c.name());
            return old != null
                    && now != null
                    && (!old.valid()
                            || old.unique() != now.unique()
                            || !old.body().equals(now.body()));
        }
        if (c.kind().equals("TRIGGER")) {
            return RoutineDiffer.recreated(
                    current, desired, c.target().substring("TRIGGER ".length()));
        }
        if (c.kind().equals("POLICY")) {
            return PolicyDiffer.recreated(
                    current, desired, c.target().substring("POLICY ".length()));
        }
        if (c.kind().equals("CONSTRAINT")) {
            Constraint old = was.constraints().get(c.name());
            Constraint now = t.constraints().get(c.name());
            return old != null && now != null && !old.definition().equals(now.definition());
        }
        return false;
    }

    /** Returns whether the commented object exists in the desired schema. */
    private boolean exists(Comment c) {
        if (c.kind().equals("FUNCTION") || c.kind().equals("PROCEDURE")) {
            return desired.functions().containsKey(c.name());
        }
        Table t = desired.tables().get(SchemaModel.qualified(c.schema(), c.table()));
        if (t == null) {
            return false;
        }
        return switch (c.kind()) {
            case "TABLE" -> true;
            case "COLUMN" -> t.column(c.name()) != null;
            case "CONSTRAINT" -> t.constraints().containsKey(c.name());
            case "POLICY" ->
                    desired.policies().containsKey(c.target().substring("POLICY ".length()));
            default -> t.indexes().containsKey(c.name());
        };
    }

    /** Foreign tables and range types: any difference is not supported yet. */
    private void others() {
        Set<String> keys = new TreeSet<>(desired.others().keySet());
        keys.addAll(current.others().keySet());
        for (String key : keys) {
            String was = current.others().get(key);
            String wanted = desired.others().get(key);
            if (was == null) {
                plan.unsupported(key + " is added (not supported yet)");
            } else if (wanted == null) {
                plan.unsupported(key + " is removed (not supported yet)");
            } else if (!was.equals(wanted)) {
                plan.unsupported(key + " is changed (not supported yet)");
            }
        }
    }
}
