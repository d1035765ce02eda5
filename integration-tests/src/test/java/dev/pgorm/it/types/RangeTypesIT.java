package dev.pgorm.it.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgMultirange;
import dev.pgorm.types.PgRange;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ranges and multiranges of every element type, without annotations, in text and binary mode. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RangeTypesIT {

    // tag::ranges[]
    @Entity(name = "Reservation")
    @Table(name = "reservation")
    static class Reservation {
        @Id Long id;
        PgRange<Integer> seats; // int4range
        PgRange<Long> ticketNumbers; // int8range
        PgRange<BigDecimal> price; // numrange
        PgRange<LocalDate> stay; // daterange
        PgRange<LocalDateTime> localSlot; // tsrange
        PgRange<OffsetDateTime> slot; // tstzrange
        PgRange<Instant> validity; // tstzrange
        PgMultirange<LocalDate> blackout; // datemultirange
        PgMultirange<Integer> rows; // int4multirange
        List<PgRange<LocalDate>> closures; // daterange[]
        List<PgRange<Instant>> shifts; // tstzrange[]
    }

    // end::ranges[]

    // tag::range-arrays[]
    @Entity(name = "Timetable")
    @Table(name = "timetable")
    static class Timetable {
        @Id Long id;
        PgRange<LocalDate>[] closures; // daterange[]
        PgRange<Instant>[] shifts; // tstzrange[]
        PgMultirange<Integer>[] rowSets; // int4multirange[]
    }

    // end::range-arrays[]

    @Entity(name = "RawRangeArray")
    @Table(name = "raw_range_array")
    @SuppressWarnings("rawtypes")
    static class RawRangeArray {
        @Id Long id;
        PgRange[] ranges;
    }

    @org.junit.jupiter.api.Test
    void aRangeArrayWithoutTypeArgumentFailsAtBootWithTheFix(PgTestDatabase db) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> db.entityManagerFactory(RawRangeArray.class))
                .hasStackTraceContaining("ranges")
                .hasStackTraceContaining("PgRange<LocalDate>[]");
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void javaArraysOfRangesAreArrayColumns(PgTestDatabase db) {
        try (TransferModes arrays = new TransferModes(db, List.of(Timetable.class))) {
            Map<String, String> types = db.sql().columnTypes("timetable");
            assertThat(types)
                    .containsEntry("closures", "daterange[]")
                    .containsEntry("shifts", "tstzrange[]")
                    .containsEntry("rowsets", "int4multirange[]");
            for (String mode : List.of(TransferModes.TEXT, TransferModes.BINARY)) {
                long id = mode.equals(TransferModes.TEXT) ? 1 : 2;
                Timetable t = new Timetable();
                t.id = id;
                t.closures =
                        new PgRange[] {
                            PgRange.closed(LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 14)),
                            PgRange.empty(),
                            PgRange.atLeast(LocalDate.of(2027, 1, 1))
                        };
                t.shifts = new PgRange[0];
                t.rowSets =
                        new PgMultirange[] {
                            PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.closed(7, 9)),
                            PgMultirange.empty()
                        };
                arrays.sf(mode).inTransaction(s -> s.persist(t));
                Timetable read = arrays.sf(mode).fromTransaction(s -> s.find(Timetable.class, id));
                assertThat(read.closures)
                        .containsExactly(
                                PgRange.closedOpen(
                                        LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 15)),
                                PgRange.empty(),
                                PgRange.atLeast(LocalDate.of(2027, 1, 1)));
                assertThat(read.shifts).isEmpty();
                assertThat(read.rowSets)
                        .containsExactly(
                                PgMultirange.of(
                                        PgRange.closedOpen(1, 3), PgRange.closedOpen(7, 10)),
                                PgMultirange.empty());
                List<Long> found =
                        arrays.sf(mode)
                                .fromTransaction(
                                        s ->
                                                s.createNativeQuery(
                                                                "select id from timetable where :day <@ any(closures) and id = :id",
                                                                Long.class)
                                                        .setParameter(
                                                                "day",
                                                                PgRange.closed(
                                                                        LocalDate.of(2026, 8, 5),
                                                                        LocalDate.of(2026, 8, 6)))
                                                        .setParameter("id", id)
                                                        .getResultList());
                assertThat(found).containsExactly(id);
            }
        }
    }

    private TransferModes modes;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        modes = new TransferModes(db, List.of(Reservation.class));
    }

    @AfterAll
    void closePools() {
        modes.close();
    }

    private SessionFactory sf(String mode) {
        return modes.sf(mode);
    }

    @org.junit.jupiter.api.Test
    void columnTypesFollowTheTypeArgument(PgTestDatabase db) {
        Map<String, String> types = db.sql().columnTypes("reservation");
        assertThat(types)
                .containsEntry("seats", "int4range")
                .containsEntry("ticketnumbers", "int8range")
                .containsEntry("price", "numrange")
                .containsEntry("stay", "daterange")
                .containsEntry("localslot", "tsrange")
                .containsEntry("slot", "tstzrange")
                .containsEntry("validity", "tstzrange")
                .containsEntry("blackout", "datemultirange")
                .containsEntry("rows", "int4multirange")
                .containsEntry("closures", "daterange[]")
                .containsEntry("shifts", "tstzrange[]");
    }

    private static Reservation typical(long id) {
        Reservation r = new Reservation();
        r.id = id;
        r.seats = PgRange.closed(1, 10);
        r.ticketNumbers = PgRange.atLeast(5_000_000_000L);
        r.price = PgRange.openClosed(new BigDecimal("9.99"), new BigDecimal("19.50"));
        r.stay = PgRange.closedOpen(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 8));
        r.localSlot =
                PgRange.closedOpen(
                        LocalDateTime.of(2026, 7, 1, 14, 0),
                        LocalDateTime.of(2026, 7, 1, 15, 30, 0, 123456000));
        r.slot =
                PgRange.closedOpen(
                        OffsetDateTime.of(2026, 7, 1, 14, 0, 0, 0, ZoneOffset.ofHours(2)),
                        OffsetDateTime.of(2026, 7, 1, 16, 0, 0, 0, ZoneOffset.ofHours(2)));
        r.validity = PgRange.lessThan(Instant.parse("2026-12-31T23:59:59.999999Z"));
        r.blackout =
                PgMultirange.of(
                        PgRange.closed(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26)),
                        PgRange.closed(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1)));
        r.rows =
                PgMultirange.of(
                        PgRange.closedOpen(1, 3), PgRange.closedOpen(3, 5), PgRange.closed(9, 9));
        r.closures =
                List.of(
                        PgRange.closed(LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 14)),
                        PgRange.closed(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26)));
        r.shifts =
                List.of(
                        PgRange.closedOpen(
                                Instant.parse("2026-07-01T06:00:00Z"),
                                Instant.parse("2026-07-01T14:00:00Z")));
        return r;
    }

    private static Reservation edges(long id) {
        Reservation r = new Reservation();
        r.id = id;
        r.seats = PgRange.empty();
        r.ticketNumbers = PgRange.all();
        r.price = PgRange.closed(new BigDecimal("-0.000001"), new BigDecimal("-0.000001"));
        r.stay = PgRange.of(LocalDate.MIN, true, LocalDate.MAX, false);
        r.localSlot = PgRange.atMost(LocalDateTime.MAX);
        r.slot = PgRange.greaterThan(OffsetDateTime.MIN);
        r.validity = PgRange.empty();
        r.blackout = PgMultirange.empty();
        r.rows = PgMultirange.of(PgRange.atMost(0), PgRange.atLeast(100));
        r.closures = List.of();
        r.shifts = List.of(PgRange.empty(), PgRange.all(), PgRange.atLeast(Instant.EPOCH));
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void persistReadUpdateRoundTrip(String mode) {
        long base = mode.equals("text") ? 100 : 200;
        SessionFactory sf = sf(mode);
        sf.inTransaction(
                s -> {
                    s.persist(typical(base + 1));
                    s.persist(edges(base + 2));
                    Reservation nulls = new Reservation();
                    nulls.id = base + 3;
                    s.persist(nulls);
                });
        for (long id = base + 1; id <= base + 3; id++) {
            Reservation expected =
                    id == base + 1 ? typical(id) : id == base + 2 ? edges(id) : new Reservation();
            long key = id;
            Reservation read = sf.fromTransaction(s -> s.find(Reservation.class, key));
            assertThat(read)
                    .usingRecursiveComparison()
                    .usingOverriddenEquals()
                    .ignoringFields("id")
                    .isEqualTo(expected);
        }
        sf.inTransaction(
                s -> s.find(Reservation.class, base + 1).seats = PgRange.closedOpen(20, 30));
        PgRange<Integer> seats = sf.fromTransaction(s -> s.find(Reservation.class, base + 1).seats);
        assertThat(seats).isEqualTo(PgRange.closed(20, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void rangesAsHqlNativeAndCriteriaParameters(String mode) {
        long base = mode.equals("text") ? 300 : 400;
        SessionFactory sf = sf(mode);
        sf.inTransaction(s -> s.persist(typical(base)));

        List<Long> hql =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select r.id from Reservation r where r.stay = :stay and r.id = :id",
                                                Long.class)
                                        .setParameter(
                                                "stay",
                                                PgRange.closed(
                                                        LocalDate.of(2026, 7, 1),
                                                        LocalDate.of(2026, 7, 7)))
                                        .setParameter("id", base)
                                        .getResultList());
        assertThat(hql).containsExactly(base);

        List<?> nativeRows =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                "select id from reservation where stay @> cast(:day as date) and seats && :seats and id = :id",
                                                Long.class)
                                        .setParameter("day", LocalDate.of(2026, 7, 3))
                                        .setParameter("seats", PgRange.closed(5, 5))
                                        .setParameter("id", base)
                                        .getResultList());
        assertThat(nativeRows).hasSize(1);

        // An element of an array of ranges, stored in canonical form: [2026-08-03,2026-08-15)
        List<?> inArray =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                "select id from reservation where :closure = any(closures) and id = :id",
                                                Long.class)
                                        .setParameter(
                                                "closure",
                                                PgRange.closedOpen(
                                                        LocalDate.of(2026, 8, 3),
                                                        LocalDate.of(2026, 8, 15)))
                                        .setParameter("id", base)
                                        .getResultList());
        assertThat(inArray).hasSize(1);

        List<Reservation> criteria =
                sf.fromTransaction(
                        s -> {
                            CriteriaBuilder cb = s.getCriteriaBuilder();
                            CriteriaQuery<Reservation> q = cb.createQuery(Reservation.class);
                            Root<Reservation> root = q.from(Reservation.class);
                            q.where(
                                    cb.equal(root.get("seats"), PgRange.closedOpen(1, 11)),
                                    cb.equal(root.get("id"), base));
                            return s.createQuery(q).getResultList();
                        });
        assertThat(criteria).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,10]", "(1,10)", "(,5]", "[3,)", "empty", "(,)", "[5,5]", "(5,6)"})
    void containsAgreesWithPostgres(String literal, PgTestDatabase db) {
        PgRange<Integer> range = PgRange.parse(literal, Integer.class);
        assertThat(range.toString())
                .isEqualTo(db.sql().queryValue("select ?::int4range::text", String.class, literal));
        for (int value = -2; value <= 12; value++) {
            boolean expected =
                    db.sql()
                            .queryValue(
                                    "select ?::int4range @> ?::int", Boolean.class, literal, value);
            assertThat(range.contains(value))
                    .as(literal + " contains " + value)
                    .isEqualTo(expected);
        }
    }
}
