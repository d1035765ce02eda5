package dev.pgorm.demo;

import dev.pgorm.ddl.view.PgMaterializedViews;
import java.util.List;
import org.hibernate.SessionFactory;

/** Demo section: a materialized view refreshed concurrently, read as an entity. */
final class MaterializedViewDemo {

    private MaterializedViewDemo() {}

    static void run(SessionFactory sf) {
        DemoConsole.section("Visits per place (materialized view, refreshed concurrently)");
        sf.inTransaction(em -> PgMaterializedViews.refresh(em, PlaceVisits.class, true));
        List<PlaceVisits> rows =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "from PlaceVisits order by visits desc, name",
                                                PlaceVisits.class)
                                        .getResultList());
        for (PlaceVisits row : rows) {
            System.out.printf("  %-20s %4d visits%n", row.name, row.visits);
        }
    }
}
