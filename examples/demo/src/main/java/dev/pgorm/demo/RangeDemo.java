package dev.pgorm.demo;

import dev.pgorm.types.PgRange;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.SessionFactory;

/** Demo section: which places are open on a day, by daterange containment. */
final class RangeDemo {

    private RangeDemo() {}

    static void run(SessionFactory sf, LocalDate day) {
        DemoConsole.section("Open on " + day + " (daterange containment)");
        List<Object[]> rows =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                """
                                                select name, season from place
                                                where season @> cast(:day as date) order by name""",
                                                Object[].class)
                                        .addScalar("name", String.class)
                                        .addScalar("season", PgRange.class)
                                        .setParameter("day", day)
                                        .getResultList());
        for (Object[] row : rows) {
            System.out.printf("  %-20s season %s%n", row[0], row[1]);
        }
    }
}
