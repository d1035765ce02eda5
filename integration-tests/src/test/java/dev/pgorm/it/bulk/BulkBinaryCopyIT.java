// Longer than 300 lines: one entity with every type binary COPY encodes, and its edge values.
package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkObserver;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.bulk.PgCopyFormat;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgRange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every type binary COPY encodes, written by {@code PgBulk.insert} and {@code upsert} in both COPY
 * formats, reads back through Hibernate equal to the same entity written by {@code persist}: NULLs,
 * arrays with NULL elements, ranges, numeric edge values (zero, negative, large scale, NaN),
 * timestamps before 2000 and far in the future, multibyte text.
 */
@PgTest
class BulkBinaryCopyIT {

    enum Level {
        LOW,
        HIGH
    }

    @Entity(name = "Sample")
    @Table(name = "sample")
    public static class Sample {
        @Id Long id;
        Short small;
        Integer number;
        Long big;
        Float real;
        Double precise;

        @Column(precision = 40, scale = 20)
        BigDecimal amount;

        @Column(columnDefinition = "numeric")
        Double unbounded;

        String text;

        @Column(length = 3)
        String code;

        Character letter;
        Boolean flag;
        UUID uuid;
        LocalDate day;
        LocalTime time;
        LocalDateTime stamp;
        OffsetDateTime happenedAt;
        Instant instant;
        Duration duration; // numeric (nanoseconds), Hibernate's default

        @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
        Duration span;

        byte[] blob;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(columnDefinition = "json")
        String rawJson;

        @Enumerated(EnumType.STRING)
        Level level;

        @Enumerated(EnumType.ORDINAL)
        Level ordinalLevel;

        String[] tags;
        Integer[] counts;
        LocalDate[] days;
        PgRange<Integer> seats;
        PgRange<Long> ticks;
        PgRange<BigDecimal> prices;
        PgRange<LocalDate> stay;
        List<PgRange<Integer>> blocks;
    }

    private static final BigDecimal[] AMOUNTS = {
        BigDecimal.ZERO.setScale(20),
        new BigDecimal("-1.50000000000000000000"),
        new BigDecimal("12345678901234567890.01234567890123456789"),
        new BigDecimal("0.00000000000000000001"),
        new BigDecimal("-99990000.00010000000000000000"),
        new BigDecimal("10000.00000000000000000000")
    };

    private static final LocalDateTime[] STAMPS = {
        LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000),
        LocalDateTime.of(2000, 1, 1, 0, 0),
        LocalDateTime.of(1899, 3, 4, 5, 6, 7, 890_000_000),
        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
        LocalDateTime.of(2026, 12, 7, 10, 30, 15, 123_456_000)
    };

    /** An entity whose values are made from {@code i}, with the given id. */
    static Sample sample(long id, int i) {
        Sample s = new Sample();
        s.id = id;
        if (i % 11 == 1) {
            return s; // every nullable column NULL
        }
        s.small = (short) (i % 2 == 0 ? -i : i);
        s.number = i % 3 == 0 ? Integer.MIN_VALUE + i : i * 1000;
        s.big = i % 4 == 0 ? Long.MAX_VALUE - i : -5_000_000_000L * i;
        s.real = i / 3.0f;
        s.precise = i == 5 ? Double.NEGATIVE_INFINITY : i / 7.0;
        s.amount = AMOUNTS[i % AMOUNTS.length];
        s.unbounded = i % 6 == 2 ? Double.NaN : i * -1.25;
        s.text = "tab\there, newline\nthere, back\\slash, ünïcödé 🐘 日本語 " + i;
        s.code = i % 2 == 0 ? "é" + i % 10 : "ab";
        s.letter = i % 2 == 0 ? 'x' : 'ß';
        s.flag = i % 3 == 0;
        s.uuid = new UUID(-i, i * 31L);
        s.day = i % 5 == 0 ? LocalDate.of(1600, 2, 29) : LocalDate.of(2026, 1, 1).plusDays(i);
        s.time = LocalTime.of(i % 24, 59, 58, 999_999_000);
        s.stamp = STAMPS[i % STAMPS.length];
        s.happenedAt = OffsetDateTime.of(STAMPS[(i + 1) % STAMPS.length], ZoneOffset.ofHours(-7));
        s.instant = Instant.parse("1969-07-20T20:17:40.123456Z").plusSeconds(86_400L * 365 * i);
        s.duration = Duration.ofDays(i).plusHours(3).plusNanos(456_000).negated();
        s.span = s.duration;
        s.blob = new byte[] {0, 1, (byte) 0xff, (byte) i, '\\', '\n'};
        s.attrs = Map.of("n", i, "text", "ü🐘", "nested", Map.of("ok", true));
        s.rawJson = "{\"a\": [1, 2, \"ü\"]}"; // as jsonb would print it
        s.level = i % 2 == 0 ? Level.LOW : Level.HIGH;
        s.ordinalLevel = Level.HIGH;
        s.tags = new String[] {"x", null, "y \"quoted\"", "z,comma", "ü"};
        s.counts = i % 4 == 0 ? new Integer[0] : new Integer[] {i, null, -i};
        s.days = new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.of(1999, 12, 31)};
        s.seats = i % 5 == 0 ? PgRange.empty() : PgRange.atLeast(i);
        s.ticks = PgRange.closed(-5_000_000_000L, 5_000_000_000L + i);
        s.prices = PgRange.closedOpen(new BigDecimal("-0.5"), new BigDecimal("1234.5678"));
        s.stay = PgRange.closed(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1).plusDays(i));
        s.blocks = i % 7 == 0 ? List.of() : List.of(PgRange.closed(i, i + 2), PgRange.empty());
        return s;
    }

    private final List<PgCopyFormat> formats = new ArrayList<>();

    @BeforeEach
    void fresh(PgTestDatabase db) {
        db.resetSchema();
        formats.clear();
    }

    private SessionFactory factory(PgTestDatabase db, String format, Class<?>... entities) {
        // tag::format[]
        PgBulkObserver observer =
                new PgBulkObserver() {
                    @Override
                    public void completed(String operation, long rows, long nanos) {}

                    @Override
                    public void copied(String operation, PgCopyFormat format, long rows) {
                        formats.add(format);
                    }
                };
        SessionFactory sf =
                db.entityManagerFactory(
                        List.of(entities),
                        Map.of(
                                PgBulkSettings.COPY_FORMAT, format, // binary (default) or text
                                PgBulkSettings.OBSERVER, observer));
        // end::format[]
        return sf;
    }

    /** Bulk rows (ids below 10,000) read back equal to the persisted ones made alike. */
    private static void assertSameAsPersisted(SessionFactory sf, int n) {
        List<Sample> bulk = load(sf, "where s.id < 10000");
        List<Sample> persisted = load(sf, "where s.id >= 10000");
        assertThat(bulk).hasSize(n);
        assertThat(persisted).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(bulk.get(i))
                    .as("row %d", i)
                    .usingRecursiveComparison()
                    .withEqualsForType(Double::equals, Double.class) // NaN equals NaN
                    .withEqualsForType(Float::equals, Float.class)
                    .ignoringFields("id")
                    .isEqualTo(persisted.get(i));
        }
    }

    private static List<Sample> load(SessionFactory sf, String where) {
        return sf.fromTransaction(
                s ->
                        s.createSelectionQuery(
                                        "from Sample s " + where + " order by s.id", Sample.class)
                                .getResultList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "text"})
    void everyTypeReadsBackLikePersist(String format, PgTestDatabase db) {
        SessionFactory sf = factory(db, format, Sample.class);
        int n = 300; // above the COPY threshold
        List<Sample> bulk = IntStream.range(0, n).mapToObj(i -> sample(i, i)).toList();
        // tag::insert[]
        long inserted = sf.fromTransaction(em -> PgBulk.insert(em, bulk));
        // end::insert[]
        sf.inTransaction(s -> IntStream.range(0, n).forEach(i -> s.persist(sample(10_000 + i, i))));
        assertThat(inserted).isEqualTo(n);
        assertThat(formats).containsExactly(PgCopyFormat.valueOf(format.toUpperCase()));
        assertSameAsPersisted(sf, n);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from sample where id < 10000 and small is null and"
                                                + " text is null and tags is null",
                                        Long.class))
                .isEqualTo(IntStream.range(0, n).filter(i -> i % 11 == 1).count());
        assertThat(db.sql().queryValue("select stamp::text from sample where id = 4", String.class))
                .isEqualTo("9999-12-31 23:59:59.999999");
        assertThat(db.sql().queryValue("select stamp::text from sample where id = 2", String.class))
                .isEqualTo("1899-03-04 05:06:07.89");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select amount::text from sample where id = 2",
                                        String.class))
                .isEqualTo("12345678901234567890.01234567890123456789");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from sample where id < 10000 and unbounded = 'NaN'",
                                        Long.class))
                .isEqualTo(IntStream.range(0, n).filter(i -> i % 11 != 1 && i % 6 == 2).count());
        assertThat(db.sql().queryValue("select tags::text from sample where id = 0", String.class))
                .isEqualTo("{x,NULL,\"y \\\"quoted\\\"\",\"z,comma\",ü}");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select seats::text || ticks::text || prices::text || stay::text"
                                                + " || blocks::text from sample where id = 3",
                                        String.class))
                .isEqualTo(
                        "[3,)[-5000000000,5000000004)[-0.5,1234.5678)[2026-07-01,2026-07-05)"
                                + "{\"[3,6)\",empty}");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select duration::text || ' ' || span::text from sample where id = 2",
                                        String.class))
                .isEqualTo("-183600000456000 -2 days -03:00:00.000456"); // as Hibernate binds it
        db.close(sf);
    }
}
