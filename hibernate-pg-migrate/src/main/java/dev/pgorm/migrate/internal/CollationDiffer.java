package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.internal.PlanBuilder.Phase;

/** Plans collations ({@code @PgCollation} and hand-made ones alike). */
final class CollationDiffer {

    private CollationDiffer() {}

    /**
     * Creates collations before the columns that use them and drops those no longer declared (after
     * the columns moved off them); PostgreSQL cannot change one in place, so a change is refused.
     */
    static void diff(SchemaModel current, SchemaModel desired, PlanBuilder plan) {
        desired.collations()
                .forEach(
                        (name, wanted) -> {
                            Collation was = current.collations().get(name);
                            if (was == null) {
                                plan.add(
                                        Phase.TYPES,
                                        "CREATE COLLATION " + name + " " + wanted.definition());
                            } else if (!was.equals(wanted)) {
                                plan.unsupported(
                                        "collation "
                                                + name
                                                + " "
                                                + was.definition()
                                                + " becomes "
                                                + wanted.definition()
                                                + " (PostgreSQL cannot change a collation in place:"
                                                + " declare one of another name and move the columns)");
                            }
                        });
        current.collations()
                .keySet()
                .forEach(
                        name -> {
                            if (!desired.collations().containsKey(name)) {
                                plan.add(Phase.DROP_TYPES, "DROP COLLATION " + name);
                            }
                        });
    }
}
