package dev.pgorm.it.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgTypesSettings;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON attributes with PG-ORM's structural snapshot: Map, List, record, POJO and JsonNode
 * round-trip, an unchanged flush issues no UPDATE, one nested change issues exactly one; in text
 * and binary mode, and against Hibernate's own mapping ({@code pgorm.types.json_lean=false}).
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonbMappingIT {

    // tag::entity[]
    record Dimensions(String unit, List<Integer> sizes, Map<String, BigDecimal> extra) {}

    record Point(int x, int y) {} // only immutable components: its own snapshot

    static class Label { // a POJO without equals(): compared field by field
        public String text;
        public List<String> languages;
        public Map<String, Object> meta;
    }

    @Entity(name = "JsonDoc")
    @Table(name = "json_doc")
    static class JsonDoc {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;

        @JdbcTypeCode(SqlTypes.JSON)
        List<Object> items;

        @JdbcTypeCode(SqlTypes.JSON)
        Dimensions dims;

        @JdbcTypeCode(SqlTypes.JSON)
        Point origin;

        @JdbcTypeCode(SqlTypes.JSON)
        Label label;

        @JdbcTypeCode(SqlTypes.JSON)
        JsonNode tree;

        @JdbcTypeCode(SqlTypes.JSON)
        @Immutable // an explicit choice stays: Hibernate's descriptor, no snapshot at all
        Map<String, Object> frozen;
    }

    // end::entity[]

    @Entity(name = "RecordDoc")
    @Table(name = "record_doc")
    static class RecordDoc {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.JSON)
        Dimensions dims;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 500;

    private final Map<String, SessionFactory> factories = new HashMap<>();
    private final Map<String, UpdateCounter> counters = new HashMap<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeAll
    void setUp(PgTestDatabase db) {
        db.entityManagerFactory(JsonDoc.class, RecordDoc.class);
        factory(db, "text", 0, true);
        factory(db, "binary", -1, true);
        factory(db, "hibernate", 0, false);
    }

    private void factory(PgTestDatabase db, String name, int prepareThreshold, boolean lean) {
        HikariDataSource pool = TransferModes.pool(db, prepareThreshold);
        pools.add(pool);
        UpdateCounter counter = new UpdateCounter();
        counters.put(name, counter);
        factories.put(
                name,
                db.entityManagerFactory(
                        List.of(JsonDoc.class, RecordDoc.class),
                        Map.of(
                                AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                pool,
                                AvailableSettings.HBM2DDL_AUTO,
                                "validate",
                                AvailableSettings.STATEMENT_INSPECTOR,
                                counter,
                                PgTypesSettings.JSON_LEAN,
                                lean)));
    }

    @AfterAll
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @BeforeEach
    void emptyTable(PgTestDatabase db) {
        db.execute("delete from json_doc", "delete from record_doc");
    }

    static JsonDoc typical(long id) {
        JsonDoc d = new JsonDoc();
        d.id = id;
        Map<String, Object> dimsMap = new LinkedHashMap<>();
        dimsMap.put("w", 10);
        dimsMap.put("h", 20);
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("color", "red");
        attrs.put("größe", "Grüße 👋 – 日本語");
        attrs.put("count", 42);
        attrs.put("big", 5_000_000_000L);
        attrs.put("huge", new BigInteger("123456789012345678901234567890"));
        attrs.put("ratio", 0.25);
        attrs.put("flag", true);
        attrs.put("nothing", null);
        attrs.put("dims", dimsMap);
        attrs.put("tags", new ArrayList<>(Arrays.asList("a", null, "c")));
        d.attrs = attrs;
        d.items = new ArrayList<>(List.of(1, "two", new LinkedHashMap<>(Map.of("three", 3))));
        d.dims =
                new Dimensions(
                        "mm",
                        new ArrayList<>(List.of(1, 2, 3)),
                        new LinkedHashMap<>(
                                Map.of("tolerance", new BigDecimal("0.000000000000000000001"))));
        d.origin = new Point(3, -4);
        d.label = new Label();
        d.label.text = "Ünïcödé ✓";
        d.label.languages = new ArrayList<>(List.of("de", "ja"));
        d.label.meta = new LinkedHashMap<>(Map.of("v", 1));
        ObjectNode tree = JSON.createObjectNode();
        tree.put("name", "tree 🌳");
        tree.putObject("nested").put("k", "v").put("n", new BigDecimal("1e-30"));
        tree.putArray("list").add(1).addNull().add("x");
        d.tree = tree;
        return d;
    }

    private SessionFactory sf(String name) {
        return factories.get(name);
    }

    private int updates(String name, Runnable work) {
        UpdateCounter counter = counters.get(name);
        int before = counter.updates.get();
        work.run();
        return counter.updates.get() - before;
    }

    @Test
    void leanDescriptorOnlyWhenSwitchedOn() {
        assertThat(javaTypeOf("text", "attrs")).isEqualTo("PgJsonJavaType");
        assertThat(javaTypeOf("text", "label")).isEqualTo("PgJsonJavaType");
        assertThat(javaTypeOf("binary", "tree")).isEqualTo("PgJsonJavaType");
        assertThat(javaTypeOf("hibernate", "attrs")).isEqualTo("JsonJavaType");
        assertThat(javaTypeOf("text", "frozen")).isEqualTo("JsonJavaType");
    }

    private String javaTypeOf(String factory, String attribute) {
        return sf(factory)
                .unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(JsonDoc.class)
                .findAttributeMapping(attribute)
                .getSingleJdbcMapping()
                .getJavaTypeDescriptor()
                .getClass()
                .getSimpleName();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void everyShapeRoundTrips(String mode) {
        SessionFactory sf = sf(mode);
        sf.inTransaction(
                s -> {
                    s.persist(typical(1));
                    JsonDoc empty = new JsonDoc();
                    empty.id = 2L;
                    s.persist(empty);
                });
        JsonDoc read = sf.fromTransaction(s -> s.find(JsonDoc.class, 1L));
        JsonDoc expected = typical(1);
        assertThat(read.attrs).isEqualTo(expected.attrs);
        assertThat(read.attrs.get("huge")).isInstanceOf(BigInteger.class);
        assertThat(read.attrs).containsEntry("nothing", null);
        assertThat(read.items).isEqualTo(expected.items);
        assertThat(read.dims.unit()).isEqualTo("mm");
        assertThat(read.dims.sizes()).containsExactly(1, 2, 3);
        assertThat(read.dims.extra().get("tolerance"))
                .isEqualByComparingTo(new BigDecimal("1e-21"));
        assertThat(read.origin).isEqualTo(new Point(3, -4));
        assertThat(read.label).usingRecursiveComparison().isEqualTo(expected.label);
        assertThat(read.tree.get("name").asText()).isEqualTo("tree 🌳");
        assertThat(read.tree.get("nested").get("n").decimalValue())
                .isEqualByComparingTo(new BigDecimal("1e-30"));
        assertThat(read.tree.get("list").get(1).isNull()).isTrue();

        JsonDoc empty = sf.fromTransaction(s -> s.find(JsonDoc.class, 2L));
        assertThat(empty)
                .extracting(d -> d.attrs, d -> d.items, d -> d.dims, d -> d.label, d -> d.tree)
                .containsOnlyNulls();
    }

    private void persistMany(SessionFactory sf) {
        sf.inTransaction(
                s -> {
                    for (long id = 1; id <= N; id++) {
                        s.persist(typical(id));
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void unchangedFlushIssuesNoUpdate(String mode) {
        SessionFactory sf = sf(mode);
        persistMany(sf);
        // tag::unchanged[]
        int updates =
                updates(
                        mode,
                        () ->
                                sf.inTransaction(
                                        s -> {
                                            List<JsonDoc> docs =
                                                    s.createSelectionQuery(
                                                                    "from JsonDoc", JsonDoc.class)
                                                            .getResultList();
                                            assertThat(docs).hasSize(N);
                                            s.flush();
                                        }));
        assertThat(updates).isZero();
        // end::unchanged[]
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void oneNestedChangeIssuesOneUpdate(String mode, PgTestDatabase db) {
        SessionFactory sf = sf(mode);
        persistMany(sf);
        // tag::nested[]
        int updates =
                updates(
                        mode,
                        () ->
                                sf.inTransaction(
                                        s -> {
                                            List<JsonDoc> docs =
                                                    s.createSelectionQuery(
                                                                    "from JsonDoc order by id",
                                                                    JsonDoc.class)
                                                            .getResultList();
                                            @SuppressWarnings("unchecked")
                                            Map<String, Object> dims =
                                                    (Map<String, Object>)
                                                            docs.get(6).attrs.get("dims");
                                            dims.put("w", 99); // in place, two levels down
                                        }));
        assertThat(updates).isEqualTo(1);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select attrs->'dims'->>'w' from json_doc where id = 7",
                                        String.class))
                .isEqualTo("99");
        // end::nested[]
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from json_doc where attrs->'dims'->>'w' = '10'",
                                        Long.class))
                .isEqualTo(N - 1L);

        assertOneUpdate(mode, sf, 11, d -> d.items.add("four"));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select items->>3 from json_doc where id = 11",
                                        String.class))
                .isEqualTo("four");
        assertOneUpdate(mode, sf, 12, d -> d.dims.sizes().set(0, 100));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select dims->'sizes'->>0 from json_doc where id = 12",
                                        String.class))
                .isEqualTo("100");
        assertOneUpdate(mode, sf, 13, d -> d.label.meta.put("v", 2));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select label->'meta'->>'v' from json_doc where id = 13",
                                        String.class))
                .isEqualTo("2");
        assertOneUpdate(mode, sf, 14, d -> ((ObjectNode) d.tree.get("nested")).put("k", "w"));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select tree->'nested'->>'k' from json_doc where id = 14",
                                        String.class))
                .isEqualTo("w");
        assertOneUpdate(mode, sf, 15, d -> d.origin = new Point(0, 0));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select origin->>'x' from json_doc where id = 15",
                                        String.class))
                .isEqualTo("0");
        assertOneUpdate(mode, sf, 16, d -> d.attrs.put("nothing", "something"));
        assertOneUpdate(mode, sf, 17, d -> d.attrs = null);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select attrs is null from json_doc where id = 17",
                                        Boolean.class))
                .isTrue();
    }

    private void assertOneUpdate(
            String mode, SessionFactory sf, long id, Consumer<JsonDoc> change) {
        int updates =
                updates(
                        mode,
                        () ->
                                sf.inTransaction(
                                        s -> {
                                            List<JsonDoc> docs =
                                                    s.createSelectionQuery(
                                                                    "from JsonDoc", JsonDoc.class)
                                                            .getResultList();
                                            change.accept(
                                                    docs.stream()
                                                            .filter(d -> d.id == id)
                                                            .findFirst()
                                                            .orElseThrow());
                                        }));
        assertThat(updates).as("updates for a change in doc " + id).isEqualTo(1);
    }

    @Test
    void jsonbFunctionsStillWork() {
        SessionFactory sf = sf("text");
        sf.inTransaction(
                s -> {
                    s.persist(typical(1));
                    JsonDoc other = typical(2);
                    other.attrs.put("color", "blue");
                    s.persist(other);
                });
        List<Long> ids =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select d.id from JsonDoc d where jsonb_contains(d.attrs, :probe)",
                                                Long.class)
                                        .setParameter("probe", "{\"color\": \"blue\"}")
                                        .getResultList());
        assertThat(ids).containsExactly(2L);
    }

    @Test
    void hibernatesOwnMappingForComparison() {
        SessionFactory sf = sf("hibernate");
        persistMany(sf);
        // Hibernate compares the POJO by identity after a serialize-and-parse copy: every
        // loaded entity is dirty.
        int unchanged =
                updates(
                        "hibernate",
                        () ->
                                sf.inTransaction(
                                        s ->
                                                s.createSelectionQuery(
                                                                "from JsonDoc", JsonDoc.class)
                                                        .getResultList()));
        assertThat(unchanged).isEqualTo(N);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "hibernate"})
    void inPlaceChangeOfARecordComponent(String factory, PgTestDatabase db) {
        SessionFactory sf = sf(factory);
        sf.inTransaction(
                s -> {
                    RecordDoc doc = new RecordDoc();
                    doc.id = 1L;
                    doc.dims = typical(1).dims;
                    s.persist(doc);
                });
        int updates =
                updates(
                        factory,
                        () ->
                                sf.inTransaction(
                                        s -> s.find(RecordDoc.class, 1L).dims.sizes().add(4)));
        String sizes =
                db.sql()
                        .queryValue(
                                "select dims->>'sizes' from record_doc where id = 1", String.class);
        if (factory.equals("text")) {
            assertThat(updates).isEqualTo(1);
            assertThat(sizes).isEqualTo("[1, 2, 3, 4]");
        } else {
            // Hibernate treats records as immutable: the change is lost.
            assertThat(updates).isZero();
            assertThat(sizes).isEqualTo("[1, 2, 3]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void mergeCopiesIntoMutableValues(String mode, PgTestDatabase db) {
        SessionFactory sf = sf(mode);
        sf.inTransaction(s -> s.persist(typical(1)));
        JsonDoc detached = sf.fromTransaction(s -> s.find(JsonDoc.class, 1L));
        detached.attrs.put("color", "green");
        int updates =
                updates(
                        mode,
                        () ->
                                sf.inTransaction(
                                        s -> {
                                            JsonDoc managed = s.merge(detached);
                                            managed.attrs.put("merged", true);
                                            managed.label.languages.add("fr");
                                        }));
        assertThat(updates).isEqualTo(1);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select attrs->>'color' from json_doc where id = 1",
                                        String.class))
                .isEqualTo("green");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select attrs->>'merged' from json_doc where id = 1",
                                        String.class))
                .isEqualTo("true");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select label->'languages'->>2 from json_doc where id = 1",
                                        String.class))
                .isEqualTo("fr");
    }
}
