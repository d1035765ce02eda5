package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.functions.PgCriteria;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** JSONB operators in HQL: rendered as operators, served by GIN indexes, equal to plain SQL. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonbFunctionsIT {

    // tag::entity[]
    @Entity(name = "Product")
    @Table(name = "product")
    @PgIndex(
            name = "product_attrs_path_ops",
            columns = "attrs",
            method = IndexMethod.GIN,
            opclass = "jsonb_path_ops")
    @PgIndex(name = "product_attrs_ops", columns = "attrs", method = IndexMethod.GIN)
    static class Product {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;
    }

    // end::entity[]

    private SessionFactory sf;

    @BeforeAll
    void load(PgTestDatabase db) {
        sf = db.entityManagerFactory(Product.class);
        db.execute(
                "insert into product (id, attrs) select g, jsonb_build_object('color', (array['red','green','blue'])[g % 3 + 1],"
                        + " 'size', g % 50, 'tags', case when g % 997 = 0 then jsonb_build_array('sale', 'new') else jsonb_build_array('std') end)"
                        + " || case when g % 1009 = 0 then jsonb_build_object('limited', true, 'dims', jsonb_build_object('w', g % 7, 'h', 3)) else '{}'::jsonb end"
                        + " from generate_series(1, 100000) g",
                "vacuum analyze product");
    }

    private List<Long> ids(String hql, Map<String, Object> params) {
        return sf.fromTransaction(
                s -> {
                    var q = s.createSelectionQuery(hql, Long.class);
                    params.forEach(q::setParameter);
                    return q.getResultList();
                });
    }

    private List<Long> sql(PgTestDatabase db, String where) {
        return db.sql().query("select id from product where " + where + " order by id").stream()
                .map(r -> ((Number) r.get("id")).longValue())
                .toList();
    }

    @Test
    void containmentUsesJsonbPathOps(PgTestDatabase db) {
        // tag::contains[]
        String hql =
                "select p.id from Product p where jsonb_contains(p.attrs, :probe) order by p.id";
        List<Long> ids = ids(hql, Map.of("probe", "{\"tags\": [\"sale\"], \"color\": \"red\"}"));
        // end::contains[]
        assertThat(ids)
                .isNotEmpty()
                .isEqualTo(sql(db, "attrs @> '{\"tags\": [\"sale\"], \"color\": \"red\"}'"));
        db.assertUsesIndex(
                "product_attrs_path_ops",
                () -> ids(hql, Map.of("probe", "{\"tags\": [\"sale\"]}")));
    }

    @Test
    void mapParametersBindAsJson(PgTestDatabase db) {
        // tag::contains-map[]
        String hql =
                "select p.id from Product p where jsonb_contains(p.attrs, :probe) order by p.id";
        Map<String, Object> probe = Map.of("tags", List.of("sale"), "color", "red");
        List<Long> ids = ids(hql, Map.of("probe", probe));
        // end::contains-map[]
        assertThat(ids)
                .isNotEmpty()
                .isEqualTo(sql(db, "attrs @> '{\"tags\": [\"sale\"], \"color\": \"red\"}'"));
        db.assertUsesIndex(
                "product_attrs_path_ops",
                () -> ids(hql, Map.of("probe", Map.of("tags", List.of("sale")))));

        // the other direction, with a larger document than any row
        Map<String, Object> outer = new java.util.HashMap<>();
        outer.put("color", "green");
        outer.put("size", 7);
        outer.put("tags", List.of("std", "sale"));
        outer.put("extra", Map.of("nested", true));
        assertThat(
                        ids(
                                "select p.id from Product p where jsonb_contained_in(p.attrs, :outer) order by p.id",
                                Map.of("outer", outer)))
                .isNotEmpty()
                .isEqualTo(
                        sql(
                                db,
                                "attrs <@ '{\"color\": \"green\", \"size\": 7, \"tags\": [\"std\", \"sale\"],"
                                        + " \"extra\": {\"nested\": true}}'"));
        // JSON text keeps working
        assertThat(ids(hql, Map.of("probe", "{\"tags\": [\"sale\"], \"color\": \"red\"}")))
                .isEqualTo(ids);
    }

    /** A parameter value of a class that is not the attribute's: bound as its JSON form. */
    record Probe(String color, int size) implements java.io.Serializable {}

    enum Color {
        RED
    }

    @Test
    void parametersOfOtherClassesBindAsTheirJson(PgTestDatabase db) {
        String hql =
                "select p.id from Product p where jsonb_contains(p.attrs, :probe) order by p.id";
        assertThat(ids(hql, Map.of("probe", new Probe("red", 7))))
                .isNotEmpty()
                .isEqualTo(sql(db, "attrs @> '{\"color\": \"red\", \"size\": 7}'"));
        // JSON that is no object cannot stand for a Map attribute: a clear error, nothing sent
        assertThatThrownBy(() -> ids(hql, Map.of("probe", Color.RED)))
                .hasStackTraceContaining(
                        "A value of " + Color.class.getName() + " cannot be used as JSON of type");
    }

    @Test
    void keyOperatorsUseJsonbOps(PgTestDatabase db) {
        List<Long> hasKey =
                ids(
                        "select p.id from Product p where jsonb_has_key(p.attrs, :k) order by p.id",
                        Map.of("k", "limited"));
        assertThat(hasKey).hasSize(99).isEqualTo(sql(db, "attrs ?? 'limited'"));
        db.assertUsesIndex(
                "product_attrs_ops",
                () ->
                        ids(
                                "select p.id from Product p where jsonb_has_key(p.attrs, :k)",
                                Map.of("k", "limited")));

        assertThat(
                        ids(
                                "select p.id from Product p where jsonb_has_any_key(p.attrs, 'limited', 'nothing') order by p.id",
                                Map.of()))
                .isEqualTo(sql(db, "attrs ??| array['limited', 'nothing']"));
        assertThat(
                        ids(
                                "select p.id from Product p where jsonb_has_all_keys(p.attrs, :a, :b) order by p.id",
                                Map.of("a", "limited", "b", "dims")))
                .hasSize(99)
                .isEqualTo(sql(db, "attrs ??& array['limited', 'dims']"));
        db.assertUsesIndex(
                "product_attrs_ops",
                () ->
                        ids(
                                "select p.id from Product p where jsonb_has_all_keys(p.attrs, :a, :b)",
                                Map.of("a", "limited", "b", "dims")));
    }

    @Test
    void jsonPathOperators(PgTestDatabase db) {
        List<Long> exists =
                ids(
                        "select p.id from Product p where jsonb_path_exists_op(p.attrs, :path) order by p.id",
                        Map.of("path", "$.dims ? (@.w > 5)"));
        assertThat(exists).isNotEmpty().isEqualTo(sql(db, "attrs @?? '$.dims ? (@.w > 5)'"));
        db.assertUsesIndex(
                "product_attrs_path_ops",
                () ->
                        ids(
                                "select p.id from Product p where jsonb_path_exists_op(p.attrs, :path)",
                                Map.of("path", "$.dims ? (@.w == 6)")));
        List<Long> match =
                ids(
                        "select p.id from Product p where jsonb_path_match_op(p.attrs, :path) order by p.id",
                        Map.of("path", "$.size == 7 && $.color == \"red\""));
        assertThat(match).isEqualTo(sql(db, "attrs @@ '$.size == 7 && $.color == \"red\"'"));
    }

    @Test
    void accessorsReturnJsonAndText() {
        Object[] row =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select jsonb_get(p.attrs, 'dims'), jsonb_get_text(p.attrs, 'color'), jsonb_path_get(p.attrs, 'dims', 'w'),"
                                                        + " jsonb_path_get_text(p.attrs, 'tags', '0'), jsonb_get_text(jsonb_get(p.attrs, 'tags'), 1)"
                                                        + " from Product p where p.id = 1009",
                                                Object[].class)
                                        .getSingleResult());
        assertThat(row).containsExactly("{\"h\": 3, \"w\": 1}", "green", "1", "std", null);
    }

    @Test
    void criteriaContainment() {
        List<Long> ids =
                sf.fromTransaction(
                        s -> {
                            CriteriaBuilder cb = s.getCriteriaBuilder();
                            CriteriaQuery<Long> q = cb.createQuery(Long.class);
                            Root<Product> p = q.from(Product.class);
                            q.select(p.get("id"))
                                    .where(
                                            PgCriteria.jsonbHasKey(
                                                    cb, p.get("attrs"), cb.literal("limited")),
                                            cb.equal(
                                                    PgCriteria.jsonbGetText(
                                                            cb, p.get("attrs"), "color"),
                                                    "red"))
                                    .orderBy(cb.asc(p.get("id")));
                            return s.createQuery(q).getResultList();
                        });
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(id % 1009).isZero());
    }
}
