package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import java.util.ArrayList;
import java.util.List;

/** Plans composite types: Hibernate's {@code @Struct} embeddables and hand-made ones alike. */
final class CompositeTypeDiffer {

    private CompositeTypeDiffer() {}

    /**
     * Creates composite types (a type before the types that use it), appends attributes with {@code
     * ALTER TYPE ... ADD ATTRIBUTE} (stored values read them as null) and drops types the entities
     * no longer map; any other change to a type's attributes is refused.
     */
    static void diff(SchemaModel current, SchemaModel desired, PlanBuilder plan) {
        List<CompositeType> added = new ArrayList<>();
        for (CompositeType t : desired.composites().values()) {
            CompositeType old = current.composites().get(t.qname());
            if (old == null) {
                added.add(t);
            } else if (!old.attributes().equals(t.attributes())) {
                appendAttributes(old, t, plan);
            }
        }
        while (!added.isEmpty()) {
            CompositeType next =
                    added.stream()
                            .filter(t -> added.stream().noneMatch(o -> o != t && uses(t, o)))
                            .findFirst()
                            .orElse(added.get(0));
            added.remove(next);
            plan.add(
                    Phase.TYPES,
                    "CREATE TYPE "
                            + next.qname()
                            + " AS ("
                            + String.join(", ", next.attributes())
                            + ")");
        }
        for (CompositeType t : current.composites().values()) {
            if (!desired.composites().containsKey(t.qname())) {
                plan.add(Phase.DROP_TYPES, "DROP TYPE " + t.qname());
            }
        }
    }

    /** Returns whether an attribute of {@code t} has the type {@code other} (or an array of it). */
    private static boolean uses(CompositeType t, CompositeType other) {
        String name = PgIdentifiers.render(other.name());
        return t.attributes().stream()
                .map(a -> a.substring(a.indexOf(' ') + 1).replace("[]", ""))
                .anyMatch(type -> type.equals(name) || type.equals(other.qname()));
    }

    private static void appendAttributes(CompositeType old, CompositeType t, PlanBuilder plan) {
        List<String> was = old.attributes();
        List<String> now = t.attributes();
        if (now.size() <= was.size() || !now.subList(0, was.size()).equals(was)) {
            plan.unsupported(
                    "composite type "
                            + t.qname()
                            + ": attributes ("
                            + String.join(", ", was)
                            + ") become ("
                            + String.join(", ", now)
                            + ") (only appending attributes is planned: removing, renaming,"
                            + " reordering or retyping one changes the values stored in every"
                            + " column of the type, so that step is yours to write)");
            return;
        }
        List<String> adds = new ArrayList<>();
        now.subList(was.size(), now.size()).forEach(a -> adds.add("ADD ATTRIBUTE " + a));
        plan.add(Phase.TYPES, "ALTER TYPE " + t.qname() + " " + String.join(", ", adds));
    }
}
