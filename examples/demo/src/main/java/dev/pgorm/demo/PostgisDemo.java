package dev.pgorm.demo;

import java.util.List;
import org.hibernate.SessionFactory;

/** Demo section: distances in metres with PostGIS, through a native query. */
final class PostgisDemo {

    private PostgisDemo() {}

    static void run(SessionFactory sf) {
        DemoConsole.section("Nearest to Alexanderplatz (PostGIS distance in metres)");
        List<Object[]> rows =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                """
                                                select name, round(st_distance(location::geography,
                                                    st_setsrid(st_makepoint(?, ?), 4326)::geography))
                                                from place order by 2 limit 3""",
                                                Object[].class)
                                        .setParameter(1, 13.4132)
                                        .setParameter(2, 52.5219)
                                        .getResultList());
        for (Object[] row : rows) {
            System.out.printf("  %-20s %6d m%n", row[0], ((Number) row[1]).longValue());
        }
    }
}
