package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Point;

/** Every index method, declared on an entity, in the catalog and in the plans. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexIT {

    // tag::indexes[]
    @Entity(name = "Doc")
    @Table(name = "doc")
    @PgIndex(
            name = "doc_attrs_gin",
            columns = "attrs",
            method = IndexMethod.GIN,
            opclass = "jsonb_path_ops")
    @PgIndex(
            name = "doc_embedding_hnsw",
            columns = "embedding",
            method = IndexMethod.HNSW,
            opclass = "vector_cosine_ops",
            with = "m = 16, ef_construction = 64")
    @PgIndex(
            name = "doc_email_lower",
            expression = "lower(email)",
            unique = true,
            where = "deletedAt is null",
            include = "title")
    @PgIndex(
            name = "doc_created_brin",
            columns = "createdAt",
            method = IndexMethod.BRIN,
            with = "pages_per_range = 16")
    @PgIndex(name = "doc_location_gist", columns = "location", method = IndexMethod.GIST)
    @PgIndex(
            name = "doc_title_trgm",
            columns = "title",
            method = IndexMethod.GIN,
            opclass = "gin_trgm_ops")
    @PgIndex(name = "doc_code_hash", columns = "code", method = IndexMethod.HASH)
    @PgIndex(name = "doc_title_spgist", columns = "title", method = IndexMethod.SPGIST)
    @PgIndex(
            name = "doc_small_ivfflat",
            columns = "small",
            method = IndexMethod.IVFFLAT,
            opclass = "vector_l2_ops",
            with = "lists = 4")
    @PgIndex(
            name = "doc_code_email",
            columns = {"code", "email"},
            unique = true,
            nullsNotDistinct = true)
    @PgIndex(name = "doc_coalesce", expression = "coalesce(code, title, 'none')")
    static class Doc {
        @Id Long id;
        String title;
        String email;
        String code;
        LocalDateTime createdAt;
        LocalDateTime deletedAt;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 3)
        float[] embedding;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 2)
        float[] small;

        Point location;
    }

    // end::indexes[]

    private SessionFactory sf;

    /** The fixture needs pgvector and PostGIS: each test skips where the run declared it absent. */
    @BeforeEach
    void needsExtensions(PgTestDatabase db) {
        db.requireExtension("vector");
        db.requireExtension("postgis");
    }

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (!db.hasExtensions("vector", "postgis")) {
            return; // no fixture: each test then skips, by name, in needsExtensions
        }
        sf = db.entityManagerFactory(Doc.class);
        db.execute(
                "insert into doc (id, title, email, code, createdAt, attrs, embedding, small, location)"
                        + " select g, 'title ' || md5(g::text), 'User' || g || '@Example.com',"
                        + " 'c' || g, timestamp '2026-01-01' + g * interval '1 minute',"
                        + " jsonb_build_object('n', g, 'kind', case when g % 1000 = 0 then 'rare' else 'common' end),"
                        + " array[random(), random(), random()]::vector,"
                        + " array[random(), random()]::vector,"
                        + " st_setsrid(st_makepoint(g % 360 - 180, (g / 360) % 180 - 90), 4326)"
                        + " from generate_series(1, 50000) g",
                "vacuum analyze doc");
    }

    private Map<String, String> indexDefs(PgTestDatabase db) {
        return db
                .sql()
                .query(
                        "select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'doc'")
                .stream()
                .collect(
                        Collectors.toMap(
                                r -> (String) r.get("indexname"), r -> (String) r.get("indexdef")));
    }

    @Test
    void catalogHoldsEveryDeclaredIndex(PgTestDatabase db) {
        Map<String, String> defs = indexDefs(db);
        assertThat(defs.get("doc_attrs_gin")).endsWith("USING gin (attrs jsonb_path_ops)");
        assertThat(defs.get("doc_embedding_hnsw"))
                .endsWith(
                        "USING hnsw (embedding vector_cosine_ops) WITH (m='16', ef_construction='64')");
        assertThat(defs.get("doc_email_lower"))
                .startsWith("CREATE UNIQUE INDEX doc_email_lower")
                .endsWith(
                        "USING btree (lower((email)::text)) INCLUDE (title) WHERE (deletedat IS NULL)");
        assertThat(defs.get("doc_created_brin"))
                .endsWith("USING brin (createdat) WITH (pages_per_range='16')");
        assertThat(defs.get("doc_location_gist")).endsWith("USING gist (location)");
        assertThat(defs.get("doc_title_trgm")).endsWith("USING gin (title gin_trgm_ops)");
        assertThat(defs.get("doc_code_hash")).endsWith("USING hash (code)");
        assertThat(defs.get("doc_title_spgist")).endsWith("USING spgist (title)");
        assertThat(defs.get("doc_small_ivfflat"))
                .endsWith("USING ivfflat (small) WITH (lists='4')");
        assertThat(defs.get("doc_code_email"))
                .endsWith("USING btree (code, email) NULLS NOT DISTINCT");
        assertThat(defs.get("doc_coalesce")).contains("COALESCE(code, title, 'none'");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_extension where extname in ('vector', 'postgis', 'pg_trgm')",
                                        Long.class))
                .isEqualTo(3L);
    }

    @Test
    void ginServesJsonbContainment(PgTestDatabase db) {
        db.assertUsesIndex(
                "doc_attrs_gin",
                () ->
                        sf.inTransaction(
                                s -> {
                                    List<?> rows =
                                            s.createNativeQuery(
                                                            "select id from doc where attrs @> cast(:f as jsonb)",
                                                            Long.class)
                                                    .setParameter("f", "{\"kind\": \"rare\"}")
                                                    .getResultList();
                                    assertThat(rows).hasSize(50);
                                }));
    }

    @Test
    void hnswServesNearestNeighbours(PgTestDatabase db) {
        db.assertUsesIndex(
                "doc_embedding_hnsw",
                () ->
                        sf.inTransaction(
                                s -> {
                                    List<Long> ids =
                                            s.createSelectionQuery(
                                                            "select d.id from Doc d order by cosine_distance(d.embedding, :q)",
                                                            Long.class)
                                                    .setParameter(
                                                            "q", new float[] {0.1f, 0.2f, 0.3f})
                                                    .setMaxResults(5)
                                                    .getResultList();
                                    assertThat(ids).hasSize(5);
                                }));
    }

    @Test
    void brinServesTimeRanges(PgTestDatabase db) {
        db.assertUsesIndex(
                "doc_created_brin",
                () ->
                        sf.inTransaction(
                                s -> {
                                    Long n =
                                            s.createSelectionQuery(
                                                            "select count(*) from Doc d where d.createdAt between :a and :b",
                                                            Long.class)
                                                    .setParameter(
                                                            "a", LocalDateTime.of(2026, 1, 2, 0, 0))
                                                    .setParameter(
                                                            "b", LocalDateTime.of(2026, 1, 2, 1, 0))
                                                    .getSingleResult();
                                    assertThat(n).isEqualTo(61L);
                                }));
    }

    @Test
    void gistServesGeometry(PgTestDatabase db) {
        db.assertUsesIndex(
                "doc_location_gist",
                () ->
                        sf.inTransaction(
                                s -> {
                                    List<?> rows =
                                            s.createNativeQuery(
                                                            "select id from doc where location && st_makeenvelope(10, 10, 10.5, 10.5, 4326)",
                                                            Long.class)
                                                    .getResultList();
                                    assertThat(rows).isNotEmpty();
                                }));
    }

    @Test
    void expressionIndexServesLowerEmail(PgTestDatabase db) {
        db.assertUsesIndex(
                "doc_email_lower",
                () ->
                        sf.inTransaction(
                                s -> {
                                    List<Long> ids =
                                            s.createSelectionQuery(
                                                            "select d.id from Doc d where lower(d.email) = :e and d.deletedAt is null",
                                                            Long.class)
                                                    .setParameter("e", "user77@example.com")
                                                    .getResultList();
                                    assertThat(ids).containsExactly(77L);
                                }));
    }
}
