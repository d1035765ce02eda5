package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.Function;
import dev.pgorm.migrate.internal.SchemaModel.Trigger;
import java.util.Set;

/**
 * Plans functions, procedures and triggers from the server's own definitions: created or replaced
 * after the tables they may read, triggers after their functions, drops in the reverse order.
 */
final class RoutineDiffer {

    private RoutineDiffer() {}

    static void diff(SchemaModel current, SchemaModel desired, PlanBuilder plan) {
        for (Function f : desired.functions().values()) {
            Function was = current.functions().get(f.identity());
            if (was != null && !was.result().equals(f.result())) {
                // CREATE OR REPLACE cannot change a result type; dependents make the drop fail
                plan.add(
                        Phase.DROP_REPLACED_FUNCTIONS,
                        new Step(
                                "DROP " + f.kind() + " " + f.identity(),
                                true,
                                Set.of(),
                                "returns "
                                        + was.result()
                                        + ", becomes "
                                        + f.result()
                                        + ": dropped and created again, calls fail in between"
                                        + " unless both run in one transaction",
                                false));
            }
            if (was == null || !was.definition().equals(f.definition())) {
                plan.add(Phase.FUNCTIONS, f.definition().strip());
            }
        }
        for (Function f : current.functions().values()) {
            if (!desired.functions().containsKey(f.identity())) {
                plan.add(Phase.DROP_FUNCTIONS, "DROP " + f.kind() + " " + f.identity());
            }
        }
        for (Trigger t : current.triggers().values()) {
            Trigger wanted = desired.triggers().get(t.key());
            boolean tableStays =
                    desired.tables().containsKey(SchemaModel.qualified(t.schema(), t.table()));
            if (tableStays && (wanted == null || !wanted.definition().equals(t.definition()))) {
                plan.add(Phase.DROP_TRIGGERS, "DROP TRIGGER " + t.key());
            }
        }
        for (Trigger t : desired.triggers().values()) {
            Trigger was = current.triggers().get(t.key());
            if (was == null || !was.definition().equals(t.definition())) {
                plan.add(Phase.TRIGGERS, t.definition());
            }
        }
    }

    /** Returns whether the plan drops and creates the trigger again, losing its comment. */
    static boolean recreated(SchemaModel current, SchemaModel desired, String key) {
        Trigger was = current.triggers().get(key);
        Trigger t = desired.triggers().get(key);
        return was != null && t != null && !was.definition().equals(t.definition());
    }
}
