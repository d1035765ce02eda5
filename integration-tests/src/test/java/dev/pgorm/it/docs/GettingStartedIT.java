package dev.pgorm.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** The code of docs/getting-started.md, run against the test database. */
@PgTest
class GettingStartedIT {

    // tag::entity[]
    @Entity(name = "Article")
    static class Article {
        @Id @GeneratedValue Long id;

        String title;

        @JdbcTypeCode(SqlTypes.JSON) // jsonb on PostgreSQL
        Map<String, Object> attrs;

        @JdbcTypeCode(SqlTypes.VECTOR) // pgvector, via hibernate-vector
        @Array(length = 3)
        float[] embedding;
    }

    // end::entity[]

    @Test
    void fromZeroToAFirstQuery(PgTestDatabase db) {
        db.requireExtension("vector");
        DataSource dataSource = db.dataSource();

        // tag::bootstrap[]
        SessionFactory sf =
                new HibernatePersistenceConfiguration("app")
                        .managedClasses(Article.class)
                        .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                        .property(AvailableSettings.HBM2DDL_AUTO, "create")
                        .createEntityManagerFactory();
        // end::bootstrap[]

        try (sf) {
            // tag::first-query[]
            sf.inTransaction(
                    em -> {
                        Article a = new Article();
                        a.title = "PostgreSQL from JPA";
                        a.attrs = Map.of("lang", "en", "tags", List.of("jpa", "postgres"));
                        a.embedding = new float[] {0.1f, 0.7f, 0.2f};
                        em.persist(a);
                    });

            List<String> titles =
                    sf.fromTransaction(
                            em ->
                                    em.createSelectionQuery(
                                                    "select a.title from Article a"
                                                            + " order by cosine_distance(a.embedding, :q)",
                                                    String.class)
                                            .setParameter("q", new float[] {0f, 1f, 0f})
                                            .getResultList());
            // end::first-query[]
            assertThat(titles).containsExactly("PostgreSQL from JPA");
            assertThat(db.sql().queryValue("select attrs->>'lang' from article", String.class))
                    .isEqualTo("en");
            assertThat(db.sql().columnTypes("article").get("attrs")).isEqualTo("jsonb");
        }
    }
}
