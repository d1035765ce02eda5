package dev.pgorm.demo;

import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/** Demo section: JSONB containment in HQL, served by a GIN index. */
final class JsonbDemo {

    private JsonbDemo() {}

    static void run(SessionFactory sf) {
        DemoConsole.section("Food places (JSONB containment, GIN index)");
        List<String> food =
                sf.fromTransaction(
                        s ->
                                // HQL jsonb_contains renders attrs @> ?; the Map is bound as jsonb
                                s.createSelectionQuery(
                                                """
                                                select p.name from Place p
                                                where jsonb_contains(p.attrs, :probe)
                                                order by p.name""",
                                                String.class)
                                        .setParameter("probe", Map.of("kind", "food"))
                                        .getResultList());
        food.forEach(name -> System.out.printf("  %s%n", name));
    }
}
