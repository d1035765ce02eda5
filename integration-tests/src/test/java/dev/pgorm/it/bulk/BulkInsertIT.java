package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.testing.internal.StatementRecorder;
import dev.pgorm.types.PgRange;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * COPY bulk insert: every column type, rollback, failing rows, the small-batch path, a 1M stream.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkInsertIT {

    enum Level {
        LOW,
        HIGH
    }

    @Embeddable
    public static class Address {
        String street;
        String city;
    }

    public static class UpperCase implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String value) {
            return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String convertToEntityAttribute(String value) {
            return value;
        }
    }

    @Entity(name = "Item")
    @Table(name = "item")
    public static class Item {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_seq")
        @SequenceGenerator(name = "item_seq", allocationSize = 50)
        Long id;

        @Column(unique = true)
        String code;

        String text;
        int quantity;
        long big;
        BigDecimal price;
        double ratio;
        boolean active;
        LocalDate day;
        LocalDateTime stamp;
        OffsetDateTime happenedAt;
        Instant instant;
        UUID uuid;

        @Enumerated(EnumType.STRING)
        Level level;

        @Enumerated(EnumType.ORDINAL)
        Level ordinalLevel;

        @Convert(converter = UpperCase.class)
        String shout;

        Address address;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;

        String[] tags;
        PgRange<LocalDate> stay;
        PgRange<Integer> seats;
        List<PgRange<Integer>> blocks;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 3)
        float[] embedding;

        Point location;
        byte[] blob;
    }

    @Entity(name = "Counter")
    @Table(name = "counter")
    public static class Counter {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String name;
    }

    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (!db.hasExtensions("vector", "postgis")) {
            return; // no fixture: each test then skips, by name, in empty()
        }
        sf = db.entityManagerFactory(Item.class, Counter.class);
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        // pgvector and PostGIS columns in the fixture: each test skips where the server lacks them.
        db.requireExtension("vector");
        db.requireExtension("postgis");
        db.execute("delete from item");
    }

    static Item item(int i) {
        Item it = new Item();
        it.code = "code-" + i;
        it.text = i % 2 == 0 ? "tab\there, newline\nthere, back\\slash, ünïcödé 🐘 " + i : null;
        it.quantity = i;
        it.big = 5_000_000_000L + i;
        it.price = new BigDecimal("12.34").add(BigDecimal.valueOf(i));
        it.ratio = i == 3 ? Double.NaN : i / 7.0;
        it.active = i % 3 == 0;
        it.day = LocalDate.of(2026, 1, 1).plusDays(i);
        it.stamp = LocalDateTime.of(2026, 1, 1, 10, 30, 15, 123_456_000).plusMinutes(i);
        it.happenedAt =
                OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)).plusHours(i);
        it.instant = Instant.parse("2026-05-01T12:00:00.654321Z").plusSeconds(i);
        it.uuid = new UUID(i, i * 31L);
        it.level = i % 2 == 0 ? Level.LOW : Level.HIGH;
        it.ordinalLevel = Level.HIGH;
        it.shout = "quiet " + i;
        it.address = new Address();
        it.address.street = "Street " + i;
        it.address.city = "Berlin";
        it.attrs = Map.of("n", i, "tags", List.of("a", "b"), "nested", Map.of("ok", true));
        it.tags = new String[] {"x", "y \"quoted\"", "z,comma"};
        it.stay =
                PgRange.closed(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1).plusDays(i % 10));
        it.seats = i % 5 == 0 ? PgRange.empty() : PgRange.atLeast(i);
        it.blocks = i % 7 == 0 ? null : List.of(PgRange.closed(i, i + 2), PgRange.empty());
        it.embedding = new float[] {i, 0.5f, -1.25f};
        it.location = GEOMETRY.createPoint(new Coordinate(13.4 + i / 1000.0, 52.5));
        it.blob = new byte[] {0, 1, (byte) 0xff, (byte) i};
        return it;
    }

    @Test
    void everyColumnReadsBackLikePersist() {
        int n = 300; // above the COPY threshold
        List<Item> bulk = new ArrayList<>();
        List<Item> persisted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bulk.add(item(i));
            Item p = item(i);
            p.code = "persisted-" + i;
            persisted.add(p);
        }
        // tag::insert[]
        long inserted = sf.fromTransaction(em -> PgBulk.insert(em, bulk));
        // end::insert[]
        sf.inTransaction(s -> persisted.forEach(s::persist));
        assertThat(inserted).isEqualTo(n);
        assertThat(bulk).allSatisfy(it -> assertThat(it.id).isNotNull());

        for (int i = 0; i < n; i += 37) {
            long bulkId = bulk.get(i).id;
            long persistedId = persisted.get(i).id;
            Item a = sf.fromTransaction(s -> s.find(Item.class, bulkId));
            Item b = sf.fromTransaction(s -> s.find(Item.class, persistedId));
            assertThat(a)
                    .usingRecursiveComparison()
                    .usingOverriddenEquals()
                    .withEqualsForType((x, y) -> x.equalsExact(y), Point.class)
                    .ignoringFields("id", "code")
                    .isEqualTo(b);
        }
    }

    @Test
    void rollbackUndoesTheBulkInsert(PgTestDatabase db) {
        try (var s = sf.openSession()) {
            s.beginTransaction();
            PgBulk.insert(s, IntStream.range(0, 1000).mapToObj(BulkInsertIT::item));
            assertThat(
                            s.createSelectionQuery("select count(*) from Item", Long.class)
                                    .getSingleResult())
                    .isEqualTo(1000);
            s.getTransaction().rollback();
        }
        assertThat(db.sql().queryValue("select count(*) from item", Long.class)).isZero();
    }

    private static PgBulkException failing(SessionFactory sf, List<Item> items) {
        try (var s = sf.openSession()) {
            s.beginTransaction();
            try {
                PgBulk.insert(s, items);
                throw new AssertionError("the bulk insert should have failed");
            } catch (PgBulkException e) {
                return e;
            } finally {
                s.getTransaction().rollback();
            }
        }
    }

    @Test
    void aBadRowNamesItsPositionAndColumnAndNothingRemains(PgTestDatabase db) {
        List<Item> duplicate = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            duplicate.add(item(i));
        }
        duplicate.get(321).code = "code-5";
        PgBulkException unique = failing(sf, duplicate);
        assertThat(unique.row()).isEqualTo(321);
        assertThat(unique.column()).isEqualTo("code");
        assertThat(unique.getMessage())
                .contains("failed at row 321", "column code", "duplicate key");

        List<Item> nul = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            nul.add(item(i));
        }
        nul.get(10).text = "bad\0text";
        PgBulkException nulByte = failing(sf, nul);
        assertThat(nulByte.row()).isEqualTo(10);
        assertThat(nulByte.column()).isEqualTo("text");
        assertThat(nulByte.getMessage()).contains("NUL");

        List<Item> vectors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            vectors.add(item(i));
        }
        vectors.get(7).embedding = new float[] {1, 2};
        PgBulkException dimension = failing(sf, vectors);
        assertThat(dimension.row()).isEqualTo(7);
        assertThat(dimension.column()).contains("embedding");
        assertThat(dimension.getMessage()).contains("expected 3 dimensions, not 2");

        assertThat(db.sql().queryValue("select count(*) from item", Long.class)).isZero();
        // The connection is healthy afterwards.
        Long after =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from Item", Long.class)
                                        .getSingleResult());
        assertThat(after).isZero();
    }

    @Test
    void fewRowsUseBatchedInsertsManyUseCopy() {
        List<String> small =
                sqlOf(
                        () ->
                                sf.inTransaction(
                                        em ->
                                                PgBulk.insert(
                                                        em,
                                                        IntStream.range(0, 50)
                                                                .mapToObj(BulkInsertIT::item)
                                                                .toList())));
        assertThat(small).anySatisfy(sql -> assertThat(sql).startsWith("insert into item"));
        List<String> large =
                sqlOf(
                        () ->
                                sf.inTransaction(
                                        em ->
                                                PgBulk.insert(
                                                        em,
                                                        IntStream.range(1000, 1300)
                                                                .mapToObj(BulkInsertIT::item)
                                                                .toList())));
        assertThat(large).noneSatisfy(sql -> assertThat(sql).startsWith("insert into item"));
        Long n =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from Item", Long.class)
                                        .getSingleResult());
        assertThat(n).isEqualTo(350);
    }

    private static List<String> sqlOf(Runnable work) {
        return StatementRecorder.record(work).stream()
                .map(StatementRecorder.Recorded::sql)
                .toList();
    }

    @Test
    void bulkAndPersistShareTheSequenceWithoutCollisions(PgTestDatabase db) {
        for (int round = 0; round < 3; round++) {
            int base = round * 10_000;
            sf.inTransaction(
                    em ->
                            PgBulk.insert(
                                    em,
                                    IntStream.range(base, base + 777)
                                            .mapToObj(BulkInsertIT::item)
                                            .toList()));
            sf.inTransaction(
                    s ->
                            IntStream.range(base + 5000, base + 5123)
                                    .mapToObj(BulkInsertIT::item)
                                    .forEach(s::persist));
        }
        assertThat(db.sql().queryValue("select count(distinct id) from item", Long.class))
                .isEqualTo(3 * (777 + 123L));
    }

    @Test
    void identityIdsAreReservedFromTheColumnsSequence(PgTestDatabase db) {
        // Refused before issue 13; BulkIdentityIT covers IDENTITY and serial columns in full.
        Counter c = new Counter();
        c.name = "x";
        sf.inTransaction(em -> PgBulk.insert(em, List.of(c)));
        assertThat(c.id).isNotNull();
        assertThat(db.sql().queryValue("select name from counter where id = ?", String.class, c.id))
                .isEqualTo("x");
    }

    @Test
    void aMillionRowStreamKeepsMemoryFlat(PgTestDatabase db) {
        List<WeakReference<Item>> early = new ArrayList<>();
        boolean[] earlyCollected = {false};
        Stream<Item> stream =
                IntStream.range(0, 1_000_000)
                        .mapToObj(
                                i -> {
                                    Item it = new Item();
                                    it.code = "m" + i;
                                    it.quantity = i;
                                    it.attrs = Map.of("i", i);
                                    if (i < 1000 && i % 100 == 0) {
                                        early.add(new WeakReference<>(it));
                                    }
                                    if (i == 900_000) {
                                        System.gc();
                                        earlyCollected[0] =
                                                early.stream().allMatch(ref -> ref.get() == null);
                                    }
                                    return it;
                                });
        long n = sf.fromTransaction(em -> PgBulk.insert(em, stream));
        assertThat(n).isEqualTo(1_000_000);
        assertThat(earlyCollected[0]).as("entities already written are not kept").isTrue();
        assertThat(db.sql().queryValue("select count(*) from item", Long.class))
                .isEqualTo(1_000_000L);
    }
}
