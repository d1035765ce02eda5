package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.SchemaModel.Policy;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Plans row-level security: policies created before the table's security is switched on and dropped
 * after it is switched off, so that no moment denies rows that either state allows.
 */
final class PolicyDiffer {

    private static final Map<String, String> COMMANDS =
            Map.of("*", "ALL", "r", "SELECT", "a", "INSERT", "w", "UPDATE", "d", "DELETE");

    private PolicyDiffer() {}

    static void diff(SchemaModel current, SchemaModel desired, PlanBuilder plan) {
        for (Table t : desired.tables().values()) {
            Table was = current.tables().get(t.qname());
            boolean enabled = was != null && was.rowSecurity();
            boolean forced = was != null && was.forceRowSecurity();
            if (t.rowSecurity() != enabled) {
                plan.add(
                        t.rowSecurity() ? Phase.ROW_SECURITY_ON : Phase.ROW_SECURITY_OFF,
                        TableDiffer.alter(t)
                                + (t.rowSecurity() ? "ENABLE" : "DISABLE")
                                + " ROW LEVEL SECURITY");
            }
            if (t.forceRowSecurity() != forced) {
                plan.add(
                        t.forceRowSecurity() ? Phase.ROW_SECURITY_ON : Phase.ROW_SECURITY_OFF,
                        TableDiffer.alter(t)
                                + (t.forceRowSecurity() ? "FORCE" : "NO FORCE")
                                + " ROW LEVEL SECURITY");
            }
        }
        for (Policy p : current.policies().values()) {
            Policy wanted = desired.policies().get(p.key());
            boolean tableStays =
                    desired.tables().containsKey(SchemaModel.qualified(p.schema(), p.table()));
            if (tableStays && (wanted == null || !alterable(p, wanted))) {
                plan.add(Phase.DROP_POLICIES, "DROP POLICY " + p.key());
            }
        }
        for (Policy p : desired.policies().values()) {
            Policy was = current.policies().get(p.key());
            if (was == null || !alterable(was, p)) {
                plan.add(Phase.POLICIES, create(p));
            } else if (!was.equals(p)) {
                plan.add(
                        Phase.POLICIES,
                        "ALTER POLICY " + p.key() + " TO " + roles(p) + expressions(p));
            }
        }
    }

    /** Returns whether ALTER POLICY can turn one into the other: same command and kind. */
    static boolean alterable(Policy was, Policy p) {
        return was.permissive() == p.permissive() && was.command().equals(p.command());
    }

    /** Returns whether the plan drops and re-creates the policy, losing its comment. */
    static boolean recreated(SchemaModel current, SchemaModel desired, String key) {
        Policy was = current.policies().get(key);
        Policy p = desired.policies().get(key);
        return was != null && p != null && !alterable(was, p);
    }

    static String create(Policy p) {
        return "CREATE POLICY "
                + p.key()
                + " AS "
                + (p.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                + " FOR "
                + COMMANDS.getOrDefault(p.command(), p.command())
                + " TO "
                + roles(p)
                + expressions(p);
    }

    private static String roles(Policy p) {
        return p.roles().stream()
                .map(r -> r.equals("public") ? "PUBLIC" : PgIdentifiers.render(r))
                .collect(Collectors.joining(", "));
    }

    private static String expressions(Policy p) {
        return (p.using() == null ? "" : " USING (" + p.using() + ")")
                + (Objects.toString(p.withCheck(), "").isEmpty()
                        ? ""
                        : " WITH CHECK (" + p.withCheck() + ")");
    }
}
