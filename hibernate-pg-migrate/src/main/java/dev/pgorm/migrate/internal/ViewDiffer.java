package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK;
import static dev.pgorm.migrate.PgMigrationHazard.DELETES_DATA;
import static dev.pgorm.migrate.PgMigrationHazard.HAS_DEPENDENTS;
import static dev.pgorm.migrate.PgMigrationHazard.INDEX_BUILD;
import static dev.pgorm.migrate.PgMigrationHazard.INDEX_DROPPED;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.Index;
import dev.pgorm.migrate.internal.SchemaModel.View;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans plain and materialized views: a plain view whose columns PostgreSQL can keep is replaced in
 * place; any other changed view is dropped and created again, with the views that read it (never
 * {@code CASCADE}); drops run dependents first, creations in dependency order after the tables.
 */
final class ViewDiffer {

    private final SchemaModel current;
    private final SchemaModel desired;
    private final PlanBuilder plan;

    private ViewDiffer(SchemaModel current, SchemaModel desired, PlanBuilder plan) {
        this.current = current;
        this.desired = desired;
        this.plan = plan;
    }

    static void diff(SchemaModel current, SchemaModel desired, PlanBuilder plan) {
        new ViewDiffer(current, desired, plan).run();
    }

    private void run() {
        Map<String, View> now = current.views();
        Map<String, View> wanted = desired.views();
        Set<String> dropped = new LinkedHashSet<>(now.keySet());
        dropped.removeAll(wanted.keySet());
        Set<String> rebuilt = new LinkedHashSet<>();
        Set<String> replaced = new LinkedHashSet<>();
        for (View v : wanted.values()) {
            View was = now.get(v.qname());
            if (was != null && !sameQuery(was, v)) {
                (replaceable(was, v) ? replaced : rebuilt).add(v.qname());
            }
        }
        // a view that reads a dropped or rebuilt view must be dropped first and created again
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View w : now.values()) {
                String key = w.qname();
                if (wanted.containsKey(key)
                        && !rebuilt.contains(key)
                        && w.reads().stream()
                                .anyMatch(r -> dropped.contains(r) || rebuilt.contains(r))) {
                    rebuilt.add(key);
                    replaced.remove(key);
                    grew = true;
                }
            }
        }
        Set<String> gone = new LinkedHashSet<>(dropped);
        gone.addAll(rebuilt);
        List<String> dropOrder = inDependencyOrder(now, gone);
        for (int i = dropOrder.size() - 1; i >= 0; i--) {
            drop(now.get(dropOrder.get(i)), rebuilt.contains(dropOrder.get(i)));
        }
        Set<String> created = new LinkedHashSet<>(rebuilt);
        wanted.keySet().stream().filter(k -> !now.containsKey(k)).forEach(created::add);
        for (String key : inDependencyOrder(wanted, wanted.keySet())) {
            View v = wanted.get(key);
            if (created.contains(key)) {
                create(v, rebuilt.contains(key));
            } else if (replaced.contains(key)) {
                plan.add(Phase.CREATE_VIEWS, step(replace(v), hazardsOf(now.get(key), false)));
                alterComments(now.get(key), v);
            } else {
                alterIndexes(now.get(key), v);
                alterComments(now.get(key), v);
            }
        }
    }

    private static boolean sameQuery(View was, View v) {
        return was.materialized() == v.materialized()
                && was.query().equals(v.query())
                && was.columns().equals(v.columns());
    }

    /** CREATE OR REPLACE VIEW keeps the old columns (names and types) and may only add more. */
    private static boolean replaceable(View was, View v) {
        return !was.materialized()
                && !v.materialized()
                && v.columns().size() >= was.columns().size()
                && v.columns().subList(0, was.columns().size()).equals(was.columns());
    }

    /**
     * Returns where a rebuilt view is dropped: with its creation in one transaction, so that
     * readers wait rather than fail, unless columns change, which the old view may block.
     */
    private Phase rebuildPhase() {
        boolean columnsChange =
                current.tables().values().stream()
                        .anyMatch(
                                t ->
                                        desired.tables().containsKey(t.qname())
                                                && !desired.tables()
                                                        .get(t.qname())
                                                        .columns()
                                                        .equals(t.columns()));
        return columnsChange ? Phase.DROP_VIEWS : Phase.CREATE_VIEWS;
    }

    private void drop(View v, boolean rebuilt) {
        Set<PgMigrationHazard> hazards = hazardsOf(v, !rebuilt);
        if (!v.indexes().isEmpty()) {
            hazards.add(INDEX_DROPPED);
        }
        plan.add(
                rebuilt ? rebuildPhase() : Phase.DROP_VIEWS,
                new Step("DROP " + v.kind() + " " + v.qname(), true, hazards, note(v), false));
    }

    /** DELETES_DATA for a dropped materialized view, HAS_DEPENDENTS for a view others read. */
    private Set<PgMigrationHazard> hazardsOf(View v, boolean droppedForGood) {
        Set<PgMigrationHazard> hazards = EnumSet.noneOf(PgMigrationHazard.class);
        if (v.materialized()) {
            hazards.add(droppedForGood ? DELETES_DATA : ACCESS_EXCLUSIVE_LOCK);
        }
        if (!dependents(v).isEmpty()) {
            hazards.add(HAS_DEPENDENTS);
        }
        return hazards;
    }

    private List<String> dependents(View v) {
        return current.views().values().stream()
                .filter(w -> w.reads().contains(v.qname()))
                .map(View::qname)
                .toList();
    }

    private String note(View v) {
        List<String> dependents = dependents(v);
        return dependents.isEmpty() ? "" : "read by " + String.join(", ", dependents);
    }

    private Step step(String sql, Set<PgMigrationHazard> hazards) {
        return new Step(sql, true, hazards, "", false);
    }

    private String replace(View v) {
        return "CREATE OR REPLACE VIEW " + v.qname() + " AS\n" + v.query();
    }

    /** Creates a view, a materialized view's indexes (on a new relation: no concurrent build). */
    private void create(View v, boolean rebuilt) {
        String sql = "CREATE " + v.kind() + " " + v.qname() + " AS\n" + v.query();
        if (v.materialized()) {
            sql += v.populated() ? "\nWITH DATA" : "\nWITH NO DATA";
        }
        plan.add(
                Phase.CREATE_VIEWS,
                rebuilt && v.materialized()
                        ? step(sql, Set.of(ACCESS_EXCLUSIVE_LOCK))
                        : step(sql, Set.of()));
        for (Index i : v.indexes().values()) {
            plan.add(Phase.CREATE_VIEWS, Sql.createIndex(v.qname(), i, i.name(), false));
        }
        if (v.comment() != null) {
            plan.add(Phase.CREATE_VIEWS, comment(v, v.comment()));
        }
        v.indexComments()
                .forEach((name, text) -> plan.add(Phase.CREATE_VIEWS, comment(v, name, text)));
    }

    /** A materialized view that stays: its indexes built and dropped concurrently. */
    private void alterIndexes(View was, View v) {
        for (Index i : was.indexes().values()) {
            Index keep = v.indexes().get(i.name());
            if (keep == null || !same(i, keep)) {
                plan.add(
                        Phase.DROP_INDEXES,
                        new Step(
                                "DROP INDEX CONCURRENTLY "
                                        + SchemaModel.qualified(v.schema(), i.name()),
                                false,
                                Set.of(INDEX_DROPPED),
                                "",
                                false));
            }
        }
        for (Index i : v.indexes().values()) {
            Index old = was.indexes().get(i.name());
            if (old == null || !same(old, i)) {
                plan.add(
                        Phase.VIEW_INDEXES,
                        new Step(
                                Sql.createIndex(v.qname(), i, i.name(), true),
                                false,
                                Set.of(INDEX_BUILD),
                                "",
                                false));
                String text = v.indexComments().get(i.name());
                if (text != null) {
                    plan.add(Phase.COMMENTS, comment(v, i.name(), text));
                }
            }
        }
    }

    private static boolean same(Index a, Index b) {
        return a.valid() && a.unique() == b.unique() && a.body().equals(b.body());
    }

    private void alterComments(View was, View v) {
        if (!Objects.equals(was.comment(), v.comment())) {
            plan.add(Phase.COMMENTS, comment(v, v.comment()));
        }
        v.indexComments()
                .forEach(
                        (name, text) -> {
                            Index old = was.indexes().get(name);
                            boolean kept = old != null && same(old, v.indexes().get(name));
                            if (kept && !text.equals(was.indexComments().get(name))) {
                                plan.add(Phase.COMMENTS, comment(v, name, text));
                            }
                        });
        was.indexComments()
                .forEach(
                        (name, text) -> {
                            if (v.indexes().containsKey(name)
                                    && same(was.indexes().get(name), v.indexes().get(name))
                                    && !v.indexComments().containsKey(name)) {
                                plan.add(Phase.COMMENTS, comment(v, name, null));
                            }
                        });
    }

    private static String comment(View v, String text) {
        return "COMMENT ON " + v.kind() + " " + v.qname() + " IS " + literal(text);
    }

    private static String comment(View v, String index, String text) {
        return "COMMENT ON INDEX "
                + SchemaModel.qualified(v.schema(), index)
                + " IS "
                + literal(text);
    }

    private static String literal(String text) {
        return text == null ? "NULL" : Sql.literal(text);
    }

    /** Returns {@code keys} so that every view comes after the views of {@code views} it reads. */
    static List<String> inDependencyOrder(Map<String, View> views, Collection<String> keys) {
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String key : keys) {
            visit(views, key, keys, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(
            Map<String, View> views,
            String key,
            Collection<String> keys,
            Set<String> visiting,
            List<String> ordered) {
        if (ordered.contains(key) || !visiting.add(key)) {
            return;
        }
        for (String read : views.get(key).reads()) {
            if (keys.contains(read) && views.containsKey(read)) {
                visit(views, read, keys, visiting, ordered);
            }
        }
        ordered.add(key);
    }
}
