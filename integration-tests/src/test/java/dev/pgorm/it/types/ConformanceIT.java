package dev.pgorm.it.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgMultirange;
import dev.pgorm.types.PgRange;
import dev.pgorm.types.PgSqlTypes;
import dev.pgorm.types.PgTsQuery;
import dev.pgorm.types.PgTsVector;
import io.hypersistence.utils.hibernate.type.basic.Inet;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.SingularAttribute;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hibernate.vector.SparseFloatVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * One entity holding every type PG-ORM maps or works with, schema by Hibernate, each value
 * round-tripped through persist, update, an HQL parameter and a native query, in pgjdbc's text and
 * binary transfer modes, with null, typical and edge values.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceIT {

    enum Mood {
        CALM,
        ÜBERRASCHT
    }

    record Address(String street, List<String> lines) {}

    @Entity(name = "Everything")
    @Table(name = "everything")
    static class Everything {
        @Id Long id;

        PgRange<Integer> int4;
        PgRange<Long> int8;
        PgRange<BigDecimal> num;
        PgRange<LocalDate> date;
        PgRange<LocalDateTime> ts;
        PgRange<OffsetDateTime> tstz;
        PgRange<Instant> instant;
        PgMultirange<Integer> int4Multi;
        PgMultirange<LocalDate> dateMulti;
        List<PgRange<Integer>> int4Array;
        List<PgRange<Instant>> instantArray;
        PgRange<LocalDate>[] dateArray;
        PgTsVector tsv;
        PgTsQuery tsq;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> doc;

        @JdbcTypeCode(SqlTypes.JSON)
        Address address;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 3)
        float[] vec;

        @JdbcTypeCode(SqlTypes.VECTOR_FLOAT16)
        @Array(length = 3)
        float[] half;

        @JdbcTypeCode(SqlTypes.SPARSE_VECTOR_FLOAT32)
        @Array(length = 5)
        SparseFloatVector sparse;

        Point location;

        @JdbcTypeCode(PgSqlTypes.HSTORE)
        Map<String, String> hstore;

        Inet inet;
        InetAddress address6;

        @JdbcTypeCode(PgSqlTypes.MACADDR)
        String mac;

        @JdbcTypeCode(PgSqlTypes.CITEXT)
        String ci;

        @JdbcTypeCode(PgSqlTypes.LTREE)
        String path;

        @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
        Duration duration;

        Period period;

        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.NAMED_ENUM)
        Mood mood;

        int[] ints;
        String[] texts;
        double[] doubles;
        List<UUID> uuids;
        UUID uuid;
        Double dbl;
        Float flt;
    }

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** The attributes compared and queried one by one (all but the id). */
    private static final List<String> ATTRIBUTES =
            Arrays.stream(Everything.class.getDeclaredFields())
                    .map(Field::getName)
                    .filter(n -> !n.equals("id"))
                    .toList();

    static Everything typical(long id) {
        Everything e = new Everything();
        e.id = id;
        e.int4 = PgRange.closed(1, 10);
        e.int8 = PgRange.closedOpen(-5_000_000_000L, 5_000_000_000L);
        e.num = PgRange.openClosed(new BigDecimal("0.5"), new BigDecimal("99.999"));
        e.date = PgRange.closedOpen(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
        e.ts =
                PgRange.closed(
                        LocalDateTime.of(2026, 3, 1, 8, 0), LocalDateTime.of(2026, 3, 1, 9, 0));
        e.tstz =
                PgRange.closedOpen(
                        OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(1)),
                        OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(1)));
        e.instant = PgRange.atLeast(Instant.parse("2026-01-01T00:00:00Z"));
        e.int4Multi = PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.closedOpen(7, 9));
        e.dateMulti =
                PgMultirange.of(PgRange.closed(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 3)));
        e.int4Array = List.of(PgRange.closedOpen(1, 5), PgRange.closedOpen(10, 20));
        e.instantArray =
                List.of(
                        PgRange.closedOpen(
                                Instant.parse("2026-07-01T06:00:00Z"),
                                Instant.parse("2026-07-01T14:00:00Z")));
        e.dateArray =
                dateRanges(PgRange.closedOpen(LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 15)));
        e.tsv = PgTsVector.of("'fox':1 'jump':2");
        e.tsq = PgTsQuery.of("'fox' & 'jump'"); // as PostgreSQL writes it
        e.doc = new LinkedHashMap<>();
        e.doc.put("name", "widget");
        e.doc.put("size", 3);
        e.doc.put("tags", List.of("a", "b"));
        e.doc.put("nested", Map.of("ok", true));
        e.address = new Address("Unter den Linden 1", List.of("10117 Berlin"));
        e.vec = new float[] {0.25f, -1.5f, 3f};
        e.half = new float[] {0.5f, -2f, 1024f};
        e.sparse = new SparseFloatVector(new float[] {0f, 1.5f, 0f, 0f, -2f});
        e.location = WGS84.createPoint(new Coordinate(13.405, 52.52));
        e.hstore = new LinkedHashMap<>(Map.of("color", "red", "size", "L"));
        e.inet = new Inet("10.0.0.0/8");
        e.address6 = address("192.168.1.10");
        e.mac = "08:00:2b:01:02:03";
        e.ci = "Alice@Example.com";
        e.path = "top.science.physics";
        e.duration = Duration.ofMinutes(90);
        e.period = Period.of(1, 2, 3);
        e.mood = Mood.CALM;
        e.ints = new int[] {1, 2, 3};
        e.texts = new String[] {"alpha", "beta"};
        e.doubles = new double[] {1.5, -2.25};
        e.uuids = List.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        e.uuid = UUID.fromString("00000000-0000-0000-0000-000000000001");
        e.dbl = 3.141592653589793;
        e.flt = 2.5f;
        return e;
    }

    static Everything edges(long id) {
        Everything e = new Everything();
        e.id = id;
        e.int4 = PgRange.empty();
        e.int8 = PgRange.all();
        e.num = PgRange.closed(new BigDecimal("-0.000001"), new BigDecimal("-0.000001"));
        e.date = PgRange.of(LocalDate.MIN, true, LocalDate.MAX, false); // -infinity, infinity
        e.ts = PgRange.atMost(LocalDateTime.MAX);
        e.tstz = PgRange.greaterThan(OffsetDateTime.MIN);
        e.instant = PgRange.empty();
        e.int4Multi = PgMultirange.empty();
        e.dateMulti = PgMultirange.of(PgRange.atMost(LocalDate.of(2000, 1, 1)));
        e.int4Array = List.of();
        e.instantArray = List.of(PgRange.empty(), PgRange.all());
        e.dateArray = dateRanges(PgRange.empty(), PgRange.atLeast(LocalDate.MAX), PgRange.all());
        e.tsv = PgTsVector.of("");
        e.tsq = PgTsQuery.of("'a' <-> 'b' & !'c':*");
        e.doc = new LinkedHashMap<>();
        e.doc.put("ünïcödé ключ", "emoji 🚀 and \u2603 and quotes \" ' \\ and \t tab");
        e.doc.put("nothing", null);
        e.doc.put("big", Long.MAX_VALUE);
        e.doc.put("small", -1.0e-300);
        e.doc.put("empty", Map.of());
        e.doc.put("list", new ArrayList<>(Arrays.asList(1, null, "x")));
        e.address = new Address("", List.of());
        e.vec = new float[] {Float.MAX_VALUE, -Float.MIN_NORMAL, 0f};
        e.half = new float[] {65504f, -65504f, 0.000061035156f};
        e.sparse =
                new SparseFloatVector(
                        5); // no non-zero element: hibernate-vector alone writes "}/5"
        e.location = WGS84.createPoint(new Coordinate(-180, -90));
        e.hstore = new LinkedHashMap<>();
        e.hstore.put("quote\"back\\slash 🚀", "=>,");
        e.hstore.put("null value", null);
        e.inet = new Inet("::1"); // PostgreSQL drops a host's /128
        e.address6 = address("2001:db8::1");
        e.mac = "ff:ff:ff:ff:ff:ff";
        e.ci = "ÄÖÜ straße 🚀";
        e.path = "a";
        e.duration = Duration.ofSeconds(-5);
        e.period = Period.ZERO;
        e.mood = Mood.ÜBERRASCHT;
        e.ints = new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        e.texts = new String[] {"", null, "🚀"};
        e.doubles = new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        e.uuids = List.of();
        e.uuid = new UUID(-1L, -1L);
        e.dbl = Double.NaN;
        e.flt = Float.NEGATIVE_INFINITY;
        return e;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PgRange<LocalDate>[] dateRanges(PgRange<?>... ranges) {
        PgRange<LocalDate>[] array = new PgRange[ranges.length];
        for (int i = 0; i < ranges.length; i++) {
            array[i] = (PgRange<LocalDate>) ranges[i];
        }
        return array;
    }

    static Everything nulls(long id) {
        Everything e = new Everything();
        e.id = id;
        return e;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private TransferModes modes;

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
        modes = new TransferModes(db, List.of(Everything.class));
    }

    @AfterAll
    void close() {
        if (modes != null) { // null when setUp skipped the class
            modes.close();
        }
    }

    static Stream<Arguments> modesAndValues() {
        return Stream.of(TransferModes.TEXT, TransferModes.BINARY)
                .flatMap(
                        mode ->
                                Stream.of("typical", "edges", "nulls")
                                        .map(kind -> Arguments.of(mode, kind)));
    }

    private static Everything value(String kind, long id) {
        return switch (kind) {
            case "typical" -> typical(id);
            case "edges" -> edges(id);
            case "nulls" -> nulls(id);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static long idOf(String mode, String kind) {
        return (mode.equals(TransferModes.TEXT) ? 100 : 200)
                + List.of("typical", "edges", "nulls").indexOf(kind) * 10;
    }

    private static void assertSame(Everything actual, Everything expected) {
        assertThat(actual)
                .usingRecursiveComparison()
                .usingOverriddenEquals()
                .withEqualsForType(ConformanceIT::sameInet, Inet.class)
                .withEqualsForType(ConformanceIT::sameSparse, SparseFloatVector.class)
                .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class)
                .withEqualsForType((a, b) -> Float.compare(a, b) == 0, Float.class)
                .ignoringFields("id")
                .isEqualTo(expected);
    }

    private static boolean sameInet(Inet a, Inet b) {
        return a.getAddress().equals(b.getAddress());
    }

    private static boolean sameSparse(SparseFloatVector a, SparseFloatVector b) {
        return a.size() == b.size()
                && Arrays.equals(a.indices(), b.indices())
                && Arrays.equals(a.floats(), b.floats());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndValues")
    void persistAndUpdateRoundTrip(String mode, String kind) {
        SessionFactory sf = modes.sf(mode);
        long id = idOf(mode, kind);
        sf.inTransaction(s -> s.persist(value(kind, id)));
        Everything read = sf.fromTransaction(s -> s.find(Everything.class, id));
        assertSame(read, value(kind, id));

        // Update every attribute to the next kind's value and back.
        String other = kind.equals("typical") ? "edges" : "typical";
        for (String target : List.of(other, kind)) {
            sf.inTransaction(
                    s -> {
                        Everything e = s.find(Everything.class, id);
                        copyAttributes(value(target, id), e);
                    });
            Everything updated = sf.fromTransaction(s -> s.find(Everything.class, id));
            assertSame(updated, value(target, id));
        }
    }

    private static void copyAttributes(Everything from, Everything to) {
        for (String name : ATTRIBUTES) {
            try {
                Field f = Everything.class.getDeclaredField(name);
                f.set(to, f.get(from));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Object attribute(Everything e, String name) {
        try {
            return Everything.class.getDeclaredField(name).get(e);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndValues")
    void everyValueIsAnHqlAndNativeParameter(String mode, String kind) {
        SessionFactory sf = modes.sf(mode);
        long id = idOf(mode, kind) + 1;
        Everything stored = value(kind, id);
        sf.inTransaction(s -> s.persist(stored));
        List<String> failures = new ArrayList<>();
        for (String name : ATTRIBUTES) {
            Object v = attribute(stored, name);
            if (v == null) {
                // null equals nothing in SQL: the HQL parameter must still bind as null
                List<Long> nulls =
                        sf.fromTransaction(
                                s ->
                                        s.createSelectionQuery(
                                                        "select e.id from Everything e where e."
                                                                + name
                                                                + " is not distinct from :v and e.id = :id",
                                                        Long.class)
                                                .setParameter("v", null)
                                                .setParameter("id", id)
                                                .getResultList());
                if (!nulls.equals(List.of(id))) {
                    failures.add("HQL " + name + " is not distinct from null");
                }
                continue;
            }
            List<Long> hql =
                    sf.fromTransaction(
                            s ->
                                    s.createSelectionQuery(
                                                    "select e.id from Everything e where e."
                                                            + name
                                                            + " = :v and e.id = :id",
                                                    Long.class)
                                            .setParameter("v", v)
                                            .setParameter("id", id)
                                            .getResultList());
            if (!hql.equals(List.of(id))) {
                failures.add("HQL " + name + " = " + v);
            }
            @SuppressWarnings("unchecked")
            SingularAttribute<Everything, Object> attribute =
                    (SingularAttribute<Everything, Object>)
                            sf.getMetamodel().entity(Everything.class).getSingularAttribute(name);
            List<Everything> nativeRows =
                    sf.fromTransaction(
                            s ->
                                    s.createNativeQuery(
                                                    "select * from everything where "
                                                            + name
                                                            + " = "
                                                            + nativeParameter(name)
                                                            + " and id = :id",
                                                    Everything.class)
                                            .setParameter("v", v, attribute.getType())
                                            .setParameter("id", id)
                                            .getResultList());
            if (nativeRows.size() != 1) {
                failures.add("native " + name + " = " + v);
            } else {
                assertSame(nativeRows.get(0), stored);
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * How native SQL has to write the parameter: PG-ORM binds {@code vector} and {@code halfvec}
     * with their own type, but hibernate-vector binds a sparse vector as text and adds the cast
     * only in the SQL it generates itself.
     */
    private static String nativeParameter(String attribute) {
        return switch (attribute) {
            case "sparse" -> "cast(:v as sparsevec)";
            default -> ":v";
        };
    }

    @Test
    void updateTwiceAndValidateOnAPopulatedSchemaKeepEveryRow(PgTestDatabase db) {
        SessionFactory sf = modes.sf(TransferModes.TEXT);
        sf.inTransaction(
                s -> {
                    s.persist(typical(901));
                    s.persist(edges(902));
                    s.persist(nulls(903));
                });
        long before = db.sql().queryValue("select count(*) from everything", Long.class);
        for (String action : List.of("update", "update", "validate")) {
            db.close(
                    db.entityManagerFactory(
                            List.of(Everything.class),
                            Map.of(org.hibernate.cfg.AvailableSettings.HBM2DDL_AUTO, action)));
        }
        assertThat(db.sql().queryValue("select count(*) from everything", Long.class))
                .isEqualTo(before);
        Everything edge = sf.fromTransaction(s -> s.find(Everything.class, 902L));
        assertSame(edge, edges(902));
    }

    @Test
    void schemaByHibernateHasEveryPostgresType(PgTestDatabase db) {
        Map<String, String> types = db.sql().columnTypes("everything");
        assertThat(types)
                .containsEntry("int4", "int4range")
                .containsEntry("int8", "int8range")
                .containsEntry("num", "numrange")
                .containsEntry("date", "daterange")
                .containsEntry("ts", "tsrange")
                .containsEntry("tstz", "tstzrange")
                .containsEntry("instant", "tstzrange")
                .containsEntry("int4multi", "int4multirange")
                .containsEntry("datemulti", "datemultirange")
                .containsEntry("int4array", "int4range[]")
                .containsEntry("instantarray", "tstzrange[]")
                .containsEntry("datearray", "daterange[]")
                .containsEntry("tsv", "tsvector")
                .containsEntry("tsq", "tsquery")
                .containsEntry("doc", "jsonb")
                .containsEntry("address", "jsonb")
                .containsEntry("vec", "vector(3)")
                .containsEntry("half", "halfvec(3)")
                .containsEntry("sparse", "sparsevec(5)")
                .containsEntry("location", "geometry")
                .containsEntry("hstore", "hstore")
                .containsEntry("inet", "inet")
                .containsEntry("address6", "inet")
                .containsEntry("mac", "macaddr")
                .containsEntry("ci", "citext")
                .containsEntry("path", "ltree")
                .containsEntry("duration", "interval second(6)")
                .containsEntry("period", "interval")
                .containsEntry("ints", "integer[]")
                .containsEntry("texts", "character varying(255)[]")
                .containsEntry("doubles", "double precision[]")
                .containsEntry("uuids", "uuid[]")
                .containsEntry("uuid", "uuid")
                .containsEntry("dbl", "double precision")
                .containsEntry("flt", "real");
        assertThat(types).containsEntry("mood", "mood"); // the named enum type
    }
}
