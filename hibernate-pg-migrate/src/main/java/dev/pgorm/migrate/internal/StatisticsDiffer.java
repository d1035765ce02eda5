package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import java.util.Objects;

/** Plans extended statistics objects ({@code @PgStatistics} and hand-made ones alike). */
final class StatisticsDiffer {

    private StatisticsDiffer() {}

    /**
     * Creates, drops, or drops and creates statistics whose definition changed (they hold only what
     * ANALYZE computes; the next ANALYZE fills the new ones), and sets their comments (PG-ORM's
     * fingerprints).
     */
    static void diff(SchemaModel current, SchemaModel desired, PlanBuilder plan) {
        desired.statistics()
                .forEach(
                        (name, wanted) -> {
                            Statistics was = current.statistics().get(name);
                            boolean create =
                                    was == null || !was.definition().equals(wanted.definition());
                            if (create && was != null) {
                                plan.add(Phase.DROP_STATISTICS, "DROP STATISTICS " + name);
                            }
                            if (create) {
                                plan.add(Phase.STATISTICS, wanted.definition());
                            }
                            if (create
                                    ? wanted.comment() != null
                                    : !Objects.equals(was.comment(), wanted.comment())) {
                                plan.add(
                                        Phase.STATISTICS,
                                        "COMMENT ON STATISTICS "
                                                + name
                                                + " IS "
                                                + (wanted.comment() == null
                                                        ? "NULL"
                                                        : Sql.literal(wanted.comment())));
                            }
                        });
        current.statistics()
                .keySet()
                .forEach(
                        name -> {
                            if (!desired.statistics().containsKey(name)) {
                                plan.add(Phase.DROP_STATISTICS, "DROP STATISTICS " + name);
                            }
                        });
    }
}
