package dev.pgorm.demo;

import java.util.List;
import org.hibernate.SessionFactory;

/** Demo section: nearest neighbours by pgvector cosine distance, served by an HNSW index. */
final class VectorDemo {

    private VectorDemo() {}

    static void run(SessionFactory sf) {
        DemoConsole.section(
                "Most similar to 'a famous sight' (pgvector cosine distance, HNSW index)");
        List<Object[]> rows =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                """
                                                select p.name, cosine_distance(p.embedding, :q)
                                                from Place p
                                                order by cosine_distance(p.embedding, :q)""",
                                                Object[].class)
                                        .setParameter("q", new float[] {1f, 0f, 0.1f})
                                        .setMaxResults(3)
                                        .getResultList());
        for (Object[] row : rows) {
            System.out.printf("  %-20s distance %.3f%n", row[0], ((Number) row[1]).doubleValue());
        }
    }
}
