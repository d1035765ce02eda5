package dev.pgorm.demo;

import java.util.List;
import org.hibernate.SessionFactory;

/** Demo section: full-text search in HQL, ranked and highlighted. */
final class FullTextDemo {

    private FullTextDemo() {}

    static void run(SessionFactory sf, String words) {
        DemoConsole.section("Search \"" + words + "\" (full-text search, ranked and highlighted)");
        List<Object[]> rows =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                """
                                                select p.name,
                                                    ts_rank(p.search, websearch_to_tsquery('english', :q)),
                                                    ts_headline('english', p.description,
                                                        websearch_to_tsquery('english', :q),
                                                        'StartSel=[, StopSel=]')
                                                from Place p
                                                where ts_match(p.search, websearch_to_tsquery('english', :q))
                                                order by 2 desc""",
                                                Object[].class)
                                        .setParameter("q", words)
                                        .getResultList());
        for (Object[] row : rows) {
            System.out.printf(
                    "  %-20s rank %.3f  %s%n", row[0], ((Number) row[1]).doubleValue(), row[2]);
        }
    }
}
