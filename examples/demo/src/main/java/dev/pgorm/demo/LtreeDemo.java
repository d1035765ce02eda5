package dev.pgorm.demo;

import java.util.List;
import org.hibernate.SessionFactory;

/** Demo section: a district and everything below it, with ltree's {@code <@} in HQL. */
final class LtreeDemo {

    private LtreeDemo() {}

    static void run(SessionFactory sf, String district) {
        DemoConsole.section("In " + district + " (ltree: the district and everything below it)");
        List<String> names =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                """
                                                select p.name from Place p
                                                where ltree_is_descendant(p.district, :district)
                                                order by p.name""",
                                                String.class)
                                        .setParameter("district", district)
                                        .getResultList());
        names.forEach(name -> System.out.println("  " + name));
    }
}
