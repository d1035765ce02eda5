package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.functions.PgVectorSearch;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Trigram similarity with a gin_trgm_ops index, and vector search settings and operators. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrigramAndVectorIT {

    @Entity(name = "Person")
    @Table(name = "person")
    @PgIndex(
            name = "person_name_trgm",
            columns = "name",
            method = IndexMethod.GIN,
            opclass = "gin_trgm_ops")
    @PgIndex(
            name = "person_face_l1",
            columns = "face",
            method = IndexMethod.HNSW,
            opclass = "vector_l1_ops")
    static class Person {
        @Id Long id;
        String name;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 3)
        float[] face;
    }

    private SessionFactory sf;

    /** The fixture needs pgvector: each test skips where the run declared it absent. */
    @BeforeEach
    void needsExtensions(PgTestDatabase db) {
        db.requireExtension("vector");
    }

    @BeforeAll
    void load(PgTestDatabase db) {
        if (!db.hasExtensions("vector")) {
            return; // no fixture: each test then skips, by name, in needsExtensions
        }
        sf = db.entityManagerFactory(Person.class);
        db.execute(
                "insert into person (id, name, face) select g, case when g % 5000 = 0 then 'Jonathan Smithers ' || g"
                        + " else md5(g::text) end,"
                        // vectors on a fifth of the rows: enough for the planner, quicker to index
                        + " case when g <= 20000 then array[random(), random(), random()]::vector end"
                        + " from generate_series(1, 100000) g",
                "vacuum analyze person");
    }

    @Test
    void trigramMatchUsesTheIndexAndMatchesSql(PgTestDatabase db) {
        // tag::trigram[]
        String hql =
                "select p.name from Person p where trgm_match(p.name, :q)"
                        + " order by similarity(p.name, :q) desc, p.name";
        // end::trigram[]
        List<String> names =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(hql, String.class)
                                        .setParameter("q", "Jonathon Smithers")
                                        .getResultList());
        List<String> reference =
                db
                        .sql()
                        .query(
                                "select name from person where name % 'Jonathon Smithers' order by similarity(name, 'Jonathon Smithers') desc, name")
                        .stream()
                        .map(r -> (String) r.get("name"))
                        .toList();
        assertThat(names).hasSize(20).isEqualTo(reference);
        db.assertUsesIndex(
                "person_name_trgm",
                () ->
                        sf.inTransaction(
                                s ->
                                        s.createSelectionQuery(
                                                        "select p.id from Person p where trgm_match(p.name, :q)",
                                                        Long.class)
                                                .setParameter("q", "Jonathon Smithers")
                                                .getResultList()));
        Double word =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select word_similarity('smith', p.name) from Person p where p.id = 5000",
                                                Double.class)
                                        .getSingleResult());
        assertThat(word).isGreaterThan(0.5);
    }

    @Test
    void l1DistanceOperatorUsesTheHnswIndex(PgTestDatabase db) {
        float[] probe = {0.5f, 0.5f, 0.5f};
        db.assertUsesIndex(
                "person_face_l1",
                () ->
                        sf.inTransaction(
                                s -> {
                                    List<Long> ids =
                                            s.createSelectionQuery(
                                                            "select p.id from Person p order by l1_distance_op(p.face, :v)",
                                                            Long.class)
                                                    .setParameter("v", probe)
                                                    .setMaxResults(5)
                                                    .getResultList();
                                    assertThat(ids).hasSize(5);
                                }));
    }

    @Test
    void searchSettingsLastOneTransaction() {
        // tag::ef-search[]
        String inside =
                sf.fromTransaction(
                        em -> {
                            PgVectorSearch.setEfSearch(em, 100);
                            PgVectorSearch.setProbes(em, 10);
                            return em.createNativeQuery(
                                            "select current_setting('hnsw.ef_search') || '/' || current_setting('ivfflat.probes')",
                                            String.class)
                                    .getSingleResult();
                        });
        // end::ef-search[]
        assertThat(inside).isEqualTo("100/10");
        String after =
                sf.fromTransaction(
                        em ->
                                em.createNativeQuery(
                                                "select current_setting('hnsw.ef_search') || '/' || current_setting('ivfflat.probes')",
                                                String.class)
                                        .getSingleResult());
        assertThat(after).isEqualTo("40/1");
    }
}
