package dev.pgorm.demo;

import java.util.List;
import org.hibernate.SessionFactory;

/** Demo section: a district and everything below it, with ltree. */
final class LtreeDemo {

    private LtreeDemo() {}

    static void run(SessionFactory sf, String district) {
        DemoConsole.section("In " + district + " (ltree: the district and everything below it)");
        List<String> names =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                """
                                                select name from place
                                                where district <@ cast(:district as ltree)
                                                order by name""",
                                                String.class)
                                        .setParameter("district", district)
                                        .getResultList());
        names.forEach(name -> System.out.println("  " + name));
    }
}
