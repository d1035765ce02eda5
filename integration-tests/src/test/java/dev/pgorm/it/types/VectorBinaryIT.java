package dev.pgorm.it.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgTypesSettings;
import dev.pgorm.types.internal.PgVectorObject;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.StandardBasicTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.PGobject;

/**
 * hibernate-vector's {@code float[]} columns with PG-ORM's binary transfer: round trips, every
 * hibernate-vector function, the HNSW index, and the dimension check, in text and binary mode.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorBinaryIT {

    // tag::entity[]
    @Entity(name = "VectorDoc")
    @Table(name = "vector_doc")
    @PgIndex(
            name = "vector_doc_embedding_hnsw",
            columns = "embedding",
            method = IndexMethod.HNSW,
            opclass = "vector_cosine_ops")
    static class VectorDoc {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 4)
        float[] embedding; // vector(4), sent and read in binary

        @JdbcTypeCode(SqlTypes.VECTOR_FLOAT16)
        @Array(length = 4)
        float[] summary; // halfvec(4)
    }

    // end::entity[]

    private static final float[] V = {0.25f, -1.5f, 3.0e-5f, 1234.5677f};
    // exactly representable in half precision, incl. the smallest subnormal and normal halves
    private static final float[] H = {0.5f, -1.25f, 5.9604645e-8f, 6.1035156e-5f};

    private SessionFactory ownerSf;
    private HikariDataSource text;
    private HikariDataSource binary;
    private HikariDataSource binaryOff;
    private SessionFactory textSf;
    private SessionFactory binarySf;
    private SessionFactory offSf;

    /** The fixture needs pgvector: each test skips where the run declared it absent. */
    @BeforeEach
    void needsExtensions(PgTestDatabase db) {
        db.requireExtension("vector");
    }

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (!db.hasExtensions("vector")) {
            return; // no fixture: each test then skips, by name, in needsExtensions
        }
        ownerSf = db.entityManagerFactory(VectorDoc.class);
        // rows for the HNSW plan, ids from 1,000,000 on
        db.execute(
                "insert into vector_doc (id, embedding) select 1000000 + g,"
                        + " array[random(), random(), random(), random()]::vector"
                        + " from generate_series(1, 20000) g",
                "vacuum analyze vector_doc");
        text = TransferModes.pool(db, 0);
        binary = TransferModes.pool(db, -1);
        binaryOff = TransferModes.pool(db, -1);
        textSf = factory(db, text, true);
        binarySf = factory(db, binary, true);
        offSf = factory(db, binaryOff, false);
    }

    private static SessionFactory factory(
            PgTestDatabase db, HikariDataSource pool, boolean vectorBinary) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
        settings.put(PgTypesSettings.VECTOR_BINARY, vectorBinary);
        return db.entityManagerFactory(List.of(VectorDoc.class), settings);
    }

    @AfterAll
    void closePools() {
        for (HikariDataSource pool : new HikariDataSource[] {text, binary, binaryOff}) {
            if (pool != null) { // null when setUp skipped the class
                pool.close();
            }
        }
    }

    private SessionFactory sf(String mode) {
        return mode.equals("text") ? textSf : binarySf;
    }

    private static String jdbcTypeOf(SessionFactory sf, String attribute) {
        return sf.unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(VectorDoc.class)
                .findAttributeMapping(attribute)
                .getSingleJdbcMapping()
                .getJdbcType()
                .getClass()
                .getName();
    }

    @Test
    void binaryTypeUnlessSwitchedOffAndColumnTypesFromHibernate(PgTestDatabase db) {
        assertThat(jdbcTypeOf(binarySf, "embedding"))
                .isEqualTo("dev.pgorm.types.internal.PgVectorJdbcType");
        assertThat(jdbcTypeOf(binarySf, "summary"))
                .isEqualTo("dev.pgorm.types.internal.PgVectorJdbcType");
        assertThat(jdbcTypeOf(offSf, "embedding"))
                .isEqualTo("org.hibernate.vector.internal.PGVectorJdbcType");
        Map<String, String> types =
                db
                        .sql()
                        .query(
                                "select attname, format_type(atttypid, atttypmod) as t from pg_attribute"
                                        + " where attrelid = 'vector_doc'::regclass and attnum > 0")
                        .stream()
                        .collect(
                                Collectors.toMap(
                                        r -> (String) r.get("attname"), r -> (String) r.get("t")));
        assertThat(types)
                .containsEntry("embedding", "vector(4)")
                .containsEntry("summary", "halfvec(4)");
    }

    private static VectorDoc doc(long id, float[] embedding, float[] summary) {
        VectorDoc d = new VectorDoc();
        d.id = id;
        d.embedding = embedding;
        d.summary = summary;
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary", "off"})
    void persistReadUpdateAndNull(String mode) {
        long base = mode.equals("text") ? 100 : mode.equals("binary") ? 200 : 300;
        SessionFactory sf = mode.equals("off") ? offSf : sf(mode);
        sf.inTransaction(
                s -> {
                    s.persist(doc(base + 1, V.clone(), H.clone()));
                    s.persist(doc(base + 2, null, null));
                });
        VectorDoc read = sf.fromTransaction(s -> s.find(VectorDoc.class, base + 1));
        assertThat(read.embedding).containsExactly(V);
        assertThat(read.summary).containsExactly(H);
        VectorDoc nulls = sf.fromTransaction(s -> s.find(VectorDoc.class, base + 2));
        assertThat(nulls.embedding).isNull();
        assertThat(nulls.summary).isNull();

        float[] changed = {-0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -7.0f};
        sf.inTransaction(
                s -> {
                    VectorDoc d = s.find(VectorDoc.class, base + 1);
                    d.embedding = changed.clone();
                    d.summary = new float[] {65504f, -0.0f, 1.0f, 0.099975586f};
                });
        VectorDoc updated = sf.fromTransaction(s -> s.find(VectorDoc.class, base + 1));
        assertThat(updated.embedding).containsExactly(changed);
        assertThat(updated.summary).containsExactly(65504f, -0.0f, 1.0f, 0.099975586f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void hqlAndNativeQueries(String mode) {
        long id = mode.equals("text") ? 401 : 402;
        SessionFactory sf = sf(mode);
        sf.inTransaction(
                s -> {
                    s.persist(doc(id, V.clone(), H.clone()));
                    s.persist(doc(id + 10, new float[] {1, 2, 3, 4}, H.clone()));
                });
        // tag::query[]
        List<Long> ids =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select d.id from VectorDoc d"
                                                        + " where d.embedding = :v and d.summary = :h"
                                                        + " and d.id in (:ids)",
                                                Long.class)
                                        .setParameter("v", V)
                                        .setParameter("h", H)
                                        .setParameter("ids", List.of(id, id + 10))
                                        .getResultList());
        // end::query[]
        assertThat(ids).containsExactly(id);
        List<VectorDoc> nativeDocs =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                "select * from vector_doc where id = :id",
                                                VectorDoc.class)
                                        .setParameter("id", id)
                                        .getResultList());
        assertThat(nativeDocs)
                .singleElement()
                .satisfies(d -> assertThat(d.embedding).containsExactly(V));
        // a scalar typed with hibernate-vector's named type (text parsing, also on a binary column)
        float[] scalar =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                "select embedding from vector_doc where id = :id",
                                                float[].class)
                                        .addScalar("embedding", StandardBasicTypes.VECTOR)
                                        .setParameter("id", id)
                                        .getSingleResult());
        assertThat(scalar).containsExactly(V);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void binaryTransferIsUsedInBinaryModeOnly(String mode) {
        long id = mode.equals("text") ? 501 : 502;
        SessionFactory sf = sf(mode);
        sf.inTransaction(s -> s.persist(doc(id, V.clone(), H.clone())));
        sf.inTransaction(
                s -> {
                    assertThat(s.find(VectorDoc.class, id).embedding).containsExactly(V);
                    s.doWork(
                            c -> {
                                BaseConnection pg = c.unwrap(BaseConnection.class);
                                for (String type : List.of("vector", "halfvec")) {
                                    int oid = pg.getTypeInfo().getPGType(type);
                                    assertThat(pg.binaryTransferSend(oid))
                                            .as(type + " sent in binary")
                                            .isTrue();
                                }
                                try (PreparedStatement ps =
                                        c.prepareStatement(
                                                "select embedding, summary from vector_doc where id = ?")) {
                                    ps.setLong(1, id);
                                    try (ResultSet rs = ps.executeQuery()) {
                                        assertThat(rs.next()).isTrue();
                                        PGResultSetMetaData meta =
                                                rs.getMetaData().unwrap(PGResultSetMetaData.class);
                                        // pgjdbc receives binary only for server-prepared
                                        // statements
                                        int format = mode.equals("binary") ? 1 : 0;
                                        assertThat(meta.getFormat(1)).isEqualTo(format);
                                        assertThat(meta.getFormat(2)).isEqualTo(format);
                                        assertThat(rs.getObject(1))
                                                .isInstanceOf(PgVectorObject.class);
                                        assertThat(((PgVectorObject) rs.getObject(2)).values())
                                                .containsExactly(H);
                                    }
                                }
                            });
                });
    }

    @Test
    void aTypeAnotherLibraryRegisteredStaysText(PgTestDatabase db) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl() + "&prepareThreshold=-1");
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        try (HikariDataSource single = new HikariDataSource(config)) {
            try (var c = single.getConnection()) {
                // what pgvector-java's PGvector.registerTypes does, with its own class
                c.unwrap(PGConnection.class).addDataType("vector", PGobject.class);
            }
            Map<String, Object> settings = new HashMap<>();
            settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, single);
            settings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
            SessionFactory sf = db.entityManagerFactory(List.of(VectorDoc.class), settings);
            sf.inTransaction(s -> s.persist(doc(901, V.clone(), H.clone())));
            float[] read = sf.fromTransaction(s -> s.find(VectorDoc.class, 901L).embedding);
            assertThat(read).containsExactly(V);
            sf.inTransaction(
                    s ->
                            s.doWork(
                                    c -> {
                                        BaseConnection pg = c.unwrap(BaseConnection.class);
                                        assertThat(
                                                        pg.binaryTransferSend(
                                                                pg.getTypeInfo()
                                                                        .getPGType("vector")))
                                                .isFalse();
                                        assertThat(
                                                        pg.binaryTransferSend(
                                                                pg.getTypeInfo()
                                                                        .getPGType("halfvec")))
                                                .isTrue();
                                        try (var st = c.createStatement();
                                                var rs =
                                                        st.executeQuery(
                                                                "select embedding from vector_doc where id = 901")) {
                                            rs.next();
                                            assertThat(rs.getObject(1).getClass())
                                                    .isEqualTo(PGobject.class);
                                        }
                                    }));
            db.close(sf);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void nanAndInfinityAreRejectedByPgvector(String mode) {
        long id = mode.equals("text") ? 601 : 602;
        SessionFactory sf = sf(mode);
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        s ->
                                                s.persist(
                                                        doc(
                                                                id,
                                                                new float[] {1, Float.NaN, 2, 3},
                                                                null))))
                .hasStackTraceContaining("NaN not allowed in vector");
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        s ->
                                                s.persist(
                                                        doc(
                                                                id,
                                                                new float[] {
                                                                    1, Float.POSITIVE_INFINITY, 2, 3
                                                                },
                                                                null))))
                .hasStackTraceContaining("infinite value not allowed in vector");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void wrongDimensionFailsBeforeTheServerAndTheSessionStaysUsable(String mode) {
        long id = mode.equals("text") ? 701 : 702;
        SessionFactory sf = sf(mode);
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            s.persist(doc(id, new float[] {1, 2, 3}, null));
            // tag::dimension[]
            assertThatThrownBy(s::flush)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(
                            "VectorDoc.embedding (column vector_doc.embedding, vector(4))")
                    .hasMessageContaining("expected 4 dimensions, got 3");
            // end::dimension[]
            s.getTransaction().rollback();
            s.clear();

            s.beginTransaction();
            s.persist(doc(id, V.clone(), H.clone()));
            s.getTransaction().commit();
            s.clear();

            s.beginTransaction();
            s.find(VectorDoc.class, id).summary = new float[] {1, 2, 3, 4, 5};
            assertThatThrownBy(s::flush)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(
                            "VectorDoc.summary (column vector_doc.summary, halfvec(4))")
                    .hasMessageContaining("expected 4 dimensions, got 5");
            s.getTransaction().rollback();
            s.clear();

            VectorDoc read = s.find(VectorDoc.class, id);
            assertThat(read.summary).containsExactly(H);
        }
    }

    /**
     * hibernate-vector's functions on vector and halfvec, against the value PostgreSQL computes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void everyHibernateVectorFunctionMatchesPostgres(String mode, PgTestDatabase db) {
        long id = mode.equals("text") ? 801 : 802;
        SessionFactory sf = sf(mode);
        sf.inTransaction(s -> s.persist(doc(id, V.clone(), H.clone())));
        float[] probe = {1.0f, 0.5f, -0.25f, 2.0f};
        float[] halfProbe = {1.0f, 0.5f, -0.25f, 2.0f};
        String v = "'" + literal(probe) + "'::vector";
        String h = "'" + literal(halfProbe) + "'::halfvec";
        Map<String, String> distances = new java.util.LinkedHashMap<>();
        distances.put("cosine_distance", "(%s <=> %s)");
        distances.put("euclidean_distance", "(%s <-> %s)");
        distances.put("l2_distance", "(%s <-> %s)");
        distances.put("euclidean_squared_distance", "((%s <-> %s)^2)");
        distances.put("l2_squared_distance", "((%s <-> %s)^2)");
        distances.put("l1_distance", "l1_distance(%s, %s)");
        distances.put("taxicab_distance", "l1_distance(%s, %s)");
        distances.put("inner_product", "((%s <#> %s) * -1)");
        distances.put("negative_inner_product", "(%s <#> %s)");
        for (Map.Entry<String, String> f : distances.entrySet()) {
            for (String column : List.of("embedding", "summary")) {
                float[] param = column.equals("embedding") ? probe : halfProbe;
                Double hql =
                        sf.fromTransaction(
                                s ->
                                        s.createSelectionQuery(
                                                        "select "
                                                                + f.getKey()
                                                                + "(d."
                                                                + column
                                                                + ", :p) from VectorDoc d where d.id = :id",
                                                        Double.class)
                                                .setParameter("p", param)
                                                .setParameter("id", id)
                                                .getSingleResult());
                Double sql =
                        db.sql()
                                .queryValue(
                                        "select "
                                                + String.format(
                                                        f.getValue(),
                                                        column,
                                                        column.equals("embedding") ? v : h)
                                                + "::float8 from vector_doc where id = ?",
                                        Double.class,
                                        id);
                assertThat(hql).as(f.getKey() + " on " + column).isEqualTo(sql);
            }
        }
        for (String column : List.of("embedding", "summary")) {
            Integer dims =
                    sf.fromTransaction(
                            s ->
                                    s.createSelectionQuery(
                                                    "select vector_dims(d."
                                                            + column
                                                            + ") from VectorDoc d where d.id = :id",
                                                    Integer.class)
                                            .setParameter("id", id)
                                            .getSingleResult());
            assertThat(dims).isEqualTo(4);
        }
        for (String norm : List.of("vector_norm", "l2_norm")) {
            Double hql =
                    sf.fromTransaction(
                            s ->
                                    s.createSelectionQuery(
                                                    "select "
                                                            + norm
                                                            + "(d.embedding) from VectorDoc d where d.id = :id",
                                                    Double.class)
                                            .setParameter("id", id)
                                            .getSingleResult());
            assertThat(hql)
                    .as(norm)
                    .isEqualTo(
                            db.sql()
                                    .queryValue(
                                            "select vector_norm(embedding) from vector_doc where id = ?",
                                            Double.class,
                                            id));
        }
        float[] normalized =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select l2_normalize(d.embedding) from VectorDoc d where d.id = :id",
                                                float[].class)
                                        .setParameter("id", id)
                                        .getSingleResult());
        assertThat(literal(normalized))
                .isEqualTo(
                        literal(
                                parse(
                                        db.sql()
                                                .queryValue(
                                                        "select l2_normalize(embedding)::text from vector_doc where id = ?",
                                                        String.class,
                                                        id))));
        float[] sub =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select subvector(d.embedding, 2, 2) from VectorDoc d where d.id = :id",
                                                float[].class)
                                        .setParameter("id", id)
                                        .getSingleResult());
        assertThat(sub).containsExactly(V[1], V[2]);
        Object quantized =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select binary_quantize(d.embedding) from VectorDoc d where d.id = :id",
                                                Object.class)
                                        .setParameter("id", id)
                                        .getSingleResult());
        assertThat(quantized).isNotNull();
        assertThat(describeBits(quantized))
                .isEqualTo(
                        db.sql()
                                .queryValue(
                                        "select binary_quantize(embedding)::text from vector_doc where id = ?",
                                        String.class,
                                        id));
    }

    private static String describeBits(Object bits) {
        if (bits instanceof byte[] bytes) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < V.length; i++) {
                sb.append((bytes[i / 8] >> (7 - i % 8) & 1) == 1 ? '1' : '0');
            }
            return sb.toString();
        }
        return bits.toString();
    }

    private static String literal(float[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(values[i]);
        }
        return sb.append(']').toString();
    }

    private static float[] parse(String literal) {
        String[] parts = literal.substring(1, literal.length() - 1).split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i]);
        }
        return values;
    }

    @Test
    void orderByDistanceToAParameterUsesTheHnswIndex(PgTestDatabase db) {
        float[] probe = {0.5f, 0.5f, 0.5f, 0.5f};
        db.assertUsesIndex(
                "vector_doc_embedding_hnsw",
                () ->
                        ownerSf.inTransaction(
                                s -> {
                                    // tag::nearest[]
                                    List<Long> nearest =
                                            s.createSelectionQuery(
                                                            "select d.id from VectorDoc d"
                                                                    + " order by cosine_distance(d.embedding, :probe)",
                                                            Long.class)
                                                    .setParameter("probe", probe)
                                                    .setMaxResults(5)
                                                    .getResultList();
                                    // end::nearest[]
                                    assertThat(nearest).hasSize(5);
                                }));
    }
}
