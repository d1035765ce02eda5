package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.functions.PgCriteria;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgTsQuery;
import dev.pgorm.types.PgTsVector;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.GeneratedColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Full-text search in HQL and Criteria: the @@ operator uses the GIN index, ranks and headlines.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullTextSearchIT {

    // tag::entity[]
    @Entity(name = "Post")
    @Table(name = "post")
    @PgIndex(name = "post_search_gin", columns = "search", method = IndexMethod.GIN)
    static class Post {
        @Id Long id;
        String title;
        String body;

        @GeneratedColumn(
                "setweight(to_tsvector('english', coalesce(title, '')), 'A')"
                        + " || setweight(to_tsvector('english', coalesce(body, '')), 'B')")
        PgTsVector search;
    }

    // end::entity[]

    private SessionFactory sf;

    @BeforeAll
    void load(PgTestDatabase db) {
        sf = db.entityManagerFactory(Post.class);
        db.execute(
                "insert into post (id, title, body) select g,"
                        + " case when g % 1000 = 0 then 'Indexing PostgreSQL for speed' else 'Note ' || g end,"
                        + " case when g % 1000 = 1 then 'How to make PostgreSQL indexes fast' else 'lorem ipsum ' || md5(g::text) end"
                        + " from generate_series(1, 100000) g",
                "vacuum analyze post");
    }

    @Test
    void rankedSearchUsesTheGinIndexAndMatchesSql(PgTestDatabase db) {
        // tag::search[]
        String hql =
                "select p.id, ts_rank(p.search, websearch_to_tsquery('english', :q))"
                        + " from Post p where ts_match(p.search, websearch_to_tsquery('english', :q))"
                        + " order by 2 desc, p.id";
        // end::search[]
        List<Long> ids =
                sf
                        .fromTransaction(
                                s ->
                                        s.createSelectionQuery(hql, Object[].class)
                                                .setParameter("q", "postgresql index")
                                                .getResultList())
                        .stream()
                        .map(r -> (Long) r[0])
                        .toList();
        List<Long> reference =
                db
                        .sql()
                        .query(
                                "select id from post where search @@ websearch_to_tsquery('english', 'postgresql index')"
                                        + " order by ts_rank(search, websearch_to_tsquery('english', 'postgresql index')) desc, id")
                        .stream()
                        .map(r -> ((Number) r.get("id")).longValue())
                        .toList();
        assertThat(ids).hasSize(200).isEqualTo(reference);
        // Titles (weight A) rank above bodies (weight B).
        assertThat(ids.get(0) % 1000).isZero();

        db.assertUsesIndex(
                "post_search_gin",
                () ->
                        sf.inTransaction(
                                s ->
                                        s.createSelectionQuery(hql, Object[].class)
                                                .setParameter("q", "postgresql index")
                                                .getResultList()));
    }

    @Test
    void headlinesMarkTheMatches() {
        // tag::headline[]
        String headline =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select ts_headline('english', p.body, websearch_to_tsquery('english', :q), 'StartSel=<b>, StopSel=</b>')"
                                                        + " from Post p where p.id = 1001",
                                                String.class)
                                        .setParameter("q", "fast indexes")
                                        .getSingleResult());
        // end::headline[]
        assertThat(headline).isEqualTo("How to make PostgreSQL <b>indexes</b> <b>fast</b>");
    }

    @Test
    void everyQueryFormAndRankVariant() {
        Object[] row =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select to_tsvector('english', 'The quick brown foxes'), to_tsvector('simple quick'),"
                                                        + " to_tsquery('english', 'fox & quick'), plainto_tsquery('english', 'quick foxes'),"
                                                        + " phraseto_tsquery('english', 'brown foxes'), websearch_to_tsquery('\"brown fox\" -cat'),"
                                                        + " setweight(to_tsvector('english', 'fox'), 'A'),"
                                                        + " ts_rank_cd(to_tsvector('english', 'fox fox fox'), to_tsquery('english', 'fox'), 1),"
                                                        + " ts_rank(to_tsvector('english', 'fox'), to_tsquery('english', 'fox'))"
                                                        + " from Post p where p.id = 1",
                                                Object[].class)
                                        .getSingleResult());
        assertThat(row[0]).isEqualTo(PgTsVector.of("'brown':3 'fox':4 'quick':2"));
        assertThat(row[1]).isEqualTo(PgTsVector.of("'quick':2 'simpl':1"));
        assertThat(row[2]).isEqualTo(PgTsQuery.of("'fox' & 'quick'"));
        assertThat(row[3]).isEqualTo(PgTsQuery.of("'quick' & 'fox'"));
        assertThat(row[4]).isEqualTo(PgTsQuery.of("'brown' <-> 'fox'"));
        assertThat(row[5]).isEqualTo(PgTsQuery.of("'brown' <-> 'fox' & !'cat'"));
        assertThat(row[6]).isEqualTo(PgTsVector.of("'fox':1A"));
        assertThat((Double) row[7]).isGreaterThan(0.0);
        assertThat(row[8]).isInstanceOf(Double.class);
        Double weighted =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select ts_rank(:weights, p.search, to_tsquery('english', 'postgresql'), 32) from Post p where p.id = 1000",
                                                Double.class)
                                        .setParameter(
                                                "weights", new float[] {0.1f, 0.2f, 0.4f, 1.0f})
                                        .getSingleResult());
        assertThat(weighted).isBetween(0.0, 1.0);
    }

    @Test
    void criteriaGetsTheSameFunctions() {
        List<Long> ids =
                sf.fromTransaction(
                        s -> {
                            CriteriaBuilder cb = s.getCriteriaBuilder();
                            CriteriaQuery<Long> q = cb.createQuery(Long.class);
                            Root<Post> p = q.from(Post.class);
                            Expression<PgTsQuery> query =
                                    PgCriteria.websearchToTsquery(
                                            cb, "english", cb.literal("postgresql speed"));
                            q.select(p.get("id"))
                                    .where(PgCriteria.tsMatch(cb, p.get("search"), query))
                                    .orderBy(
                                            cb.desc(PgCriteria.tsRank(cb, p.get("search"), query)),
                                            cb.asc(p.get("id")));
                            return s.createQuery(q).setMaxResults(3).getResultList();
                        });
        assertThat(ids).containsExactly(1000L, 2000L, 3000L);
    }
}
