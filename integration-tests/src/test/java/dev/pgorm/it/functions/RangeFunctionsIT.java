package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.functions.PgCriteria;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgRange;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Range operators in HQL with PgRange parameters, served by a GiST index. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RangeFunctionsIT {

    @Entity(name = "Stay")
    @Table(name = "stay")
    @PgIndex(name = "stay_during_gist", columns = "during", method = IndexMethod.GIST)
    static class Stay {
        @Id Long id;
        PgRange<LocalDateTime> during;
        PgRange<LocalDate> nights;
    }

    private SessionFactory sf;

    @BeforeAll
    void load(PgTestDatabase db) {
        sf = db.entityManagerFactory(Stay.class);
        db.execute(
                "insert into stay (id, during, nights) select g,"
                        + " tsrange(timestamp '2026-01-01' + g * interval '10 minutes', timestamp '2026-01-01' + g * interval '10 minutes' + interval '2 hours'),"
                        + " daterange(date '2026-01-01' + (g % 300), date '2026-01-01' + (g % 300) + 3)"
                        + " from generate_series(1, 100000) g",
                "insert into stay (id, during, nights) values (0, 'empty', 'empty')",
                "vacuum analyze stay");
    }

    @Test
    void overlapsUsesTheGistIndexAndMatchesSql(PgTestDatabase db) {
        PgRange<LocalDateTime> window =
                PgRange.closedOpen(
                        LocalDateTime.of(2026, 1, 10, 12, 0), LocalDateTime.of(2026, 1, 10, 13, 0));
        // tag::overlaps[]
        List<Long> ids =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select s.id from Stay s where range_overlaps(s.during, :window) order by s.id",
                                                Long.class)
                                        .setParameter("window", window)
                                        .getResultList());
        // end::overlaps[]
        List<Long> reference =
                db
                        .sql()
                        .query(
                                "select id from stay where during && tsrange('2026-01-10 12:00', '2026-01-10 13:00') order by id")
                        .stream()
                        .map(r -> ((Number) r.get("id")).longValue())
                        .toList();
        assertThat(ids).hasSizeGreaterThan(10).isEqualTo(reference);
        db.assertUsesIndex(
                "stay_during_gist",
                () ->
                        sf.inTransaction(
                                s ->
                                        s.createSelectionQuery(
                                                        "select s.id from Stay s where range_overlaps(s.during, :window)",
                                                        Long.class)
                                                .setParameter("window", window)
                                                .getResultList()));
    }

    @Test
    void containsElementOrRange(PgTestDatabase db) {
        LocalDateTime instant = LocalDateTime.of(2026, 2, 1, 0, 5);
        List<Long> byElement =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select s.id from Stay s where range_contains(s.during, :t) order by s.id",
                                                Long.class)
                                        .setParameter("t", instant)
                                        .getResultList());
        assertThat(byElement)
                .hasSize(12)
                .isEqualTo(
                        db
                                .sql()
                                .query(
                                        "select id from stay where during @> timestamp '2026-02-01 00:05' order by id")
                                .stream()
                                .map(r -> ((Number) r.get("id")).longValue())
                                .toList());
        db.assertUsesIndex(
                "stay_during_gist",
                () ->
                        sf.inTransaction(
                                s ->
                                        s.createSelectionQuery(
                                                        "select s.id from Stay s where range_contains(s.during, :t)",
                                                        Long.class)
                                                .setParameter("t", instant)
                                                .getResultList()));
        List<Long> byRange =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select s.id from Stay s where range_contained_by(s.during, :r) order by s.id",
                                                Long.class)
                                        .setParameter(
                                                "r",
                                                PgRange.closed(
                                                        LocalDateTime.of(2026, 1, 1, 0, 0),
                                                        LocalDateTime.of(2026, 1, 1, 3, 0)))
                                        .getResultList());
        assertThat(byRange).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void boundsAdjacencyAndOrder() {
        Object[] row =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select range_lower(s.nights), range_upper(s.nights), range_isempty(s.nights) from Stay s where s.id = 1",
                                                Object[].class)
                                        .getSingleResult());
        assertThat(row).containsExactly(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 5), false);
        Boolean empty =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select range_isempty(s.nights) from Stay s where s.id = 0",
                                                Boolean.class)
                                        .getSingleResult());
        assertThat(empty).isTrue();
        PgRange<LocalDate> next =
                PgRange.closedOpen(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6));
        for (String[] c :
                new String[][] {
                    {"range_adjacent", "-|-"},
                    {"range_strictly_left", "<<"},
                    {"range_strictly_right", ">>"}
                }) {
            Long n =
                    sf.fromTransaction(
                            s ->
                                    s.createSelectionQuery(
                                                    "select count(*) from Stay s where "
                                                            + c[0]
                                                            + "(s.nights, :next)",
                                                    Long.class)
                                            .setParameter("next", next)
                                            .getSingleResult());
            Long reference =
                    sf.fromTransaction(
                            s ->
                                    ((Number)
                                                    s.createNativeQuery(
                                                                    "select count(*) from stay where nights "
                                                                            + c[1]
                                                                            + " daterange('2026-01-05', '2026-01-06')",
                                                                    Long.class)
                                                            .getSingleResult())
                                            .longValue());
            assertThat(n).as(c[0]).isPositive().isEqualTo(reference);
        }
    }

    @Test
    void criteriaRangeFunctions() {
        List<Long> ids =
                sf.fromTransaction(
                        s -> {
                            CriteriaBuilder cb = s.getCriteriaBuilder();
                            CriteriaQuery<Long> q = cb.createQuery(Long.class);
                            Root<Stay> stay = q.from(Stay.class);
                            q.select(stay.get("id"))
                                    .where(
                                            PgCriteria.rangeContains(
                                                    cb,
                                                    stay.get("nights"),
                                                    cb.literal(LocalDate.of(2026, 1, 2))),
                                            cb.lessThan(stay.get("id"), 1000L))
                                    .orderBy(cb.asc(stay.get("id")));
                            return s.createQuery(q).getResultList();
                        });
        assertThat(ids).containsExactly(1L, 300L, 301L, 600L, 601L, 900L, 901L);
    }
}
