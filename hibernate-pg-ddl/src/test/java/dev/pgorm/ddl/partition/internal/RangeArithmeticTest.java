package dev.pgorm.ddl.partition.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeArithmeticTest {

    private static Instant day(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    private static final PartitionRange YEAR_2026 =
            new PartitionRange("event_2026", day("2026-01-01"), day("2027-01-01"));

    @Test
    void keyTypesAsFormatTypeWritesThem() {
        assertThat(RangeKey.of("date")).contains(RangeKey.DATE);
        assertThat(RangeKey.of("timestamp without time zone")).contains(RangeKey.TIMESTAMP);
        assertThat(RangeKey.of("timestamp(3) without time zone")).contains(RangeKey.TIMESTAMP);
        assertThat(RangeKey.of("timestamp(6) with time zone")).contains(RangeKey.TIMESTAMPTZ);
        assertThat(RangeKey.of("bigint")).isEmpty();
        assertThat(RangeKey.of(null)).isEmpty();
    }

    @Test
    void timestamptzBoundsAreUtcMidnight() {
        LocalDate date = LocalDate.of(2027, 2, 1);
        assertThat(RangeKey.DATE.literal(date)).isEqualTo("2027-02-01");
        assertThat(RangeKey.TIMESTAMP.literal(date)).isEqualTo("2027-02-01");
        assertThat(RangeKey.TIMESTAMPTZ.literal(date)).isEqualTo("2027-02-01 00:00:00+00");
        assertThat(RangeKey.TIMESTAMPTZ.cast()).isEqualTo("timestamptz");
    }

    @Test
    void boundsAsPgGetExprPrintsThem() {
        assertThat(RangeBound.parse("FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"))
                .contains(new RangeBound("2026-01-01", "2027-01-01"));
        assertThat(RangeBound.parse("FOR VALUES FROM (MINVALUE) TO ('2026-01-01 00:00:00+00')"))
                .contains(new RangeBound("MINVALUE", "2026-01-01 00:00:00+00"));
        assertThat(RangeBound.parse("FOR VALUES FROM ('a''b') TO (MAXVALUE)"))
                .contains(new RangeBound("a'b", "MAXVALUE"));
        assertThat(RangeBound.parse("FOR VALUES FROM (1, 2) TO (3, 4)")).isEmpty();
        assertThat(RangeBound.parse("FOR VALUES IN ('de', 'fr')")).isEmpty();
        assertThat(RangeBound.parse("DEFAULT")).isEmpty();
    }

    @Test
    void aStepInsideAPartitionIsTakenAndOneAcrossItsEdgeConflicts() {
        List<PartitionRange> existing = List.of(YEAR_2026);
        assertThat(PartitionRange.conflict(existing, day("2026-02-01"), day("2026-03-01")))
                .isEmpty();
        assertThat(PartitionRange.taken(existing, day("2026-02-01"), day("2026-03-01"))).isTrue();
        assertThat(PartitionRange.conflict(existing, day("2026-12-01"), day("2027-02-01")))
                .contains(YEAR_2026);
        assertThat(PartitionRange.conflict(existing, day("2027-01-01"), day("2027-02-01")))
                .isEmpty();
        assertThat(PartitionRange.taken(existing, day("2027-01-01"), day("2027-02-01"))).isFalse();
    }

    @Test
    void unboundedEndsReachEverything() {
        PartitionRange old = new PartitionRange("event_old", null, day("2026-01-01"));
        PartitionRange rest = new PartitionRange("event_rest", day("2030-01-01"), null);
        assertThat(old.covers(day("1900-01-01"), day("1900-02-01"))).isTrue();
        assertThat(rest.covers(day("9999-01-01"), day("9999-02-01"))).isTrue();
        assertThat(old.endsBy(day("2026-01-01"))).isTrue();
        assertThat(old.endsBy(day("2025-12-31"))).isFalse();
        assertThat(rest.endsBy(day("9999-01-01"))).isFalse();
    }

    @Test
    void pointsAreExactToTheMicrosecond() {
        PartitionRange morning =
                new PartitionRange(
                        "p",
                        Instant.parse("2026-01-01T00:00:00.000001Z"),
                        Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(morning.overlaps(day("2025-12-31"), day("2026-01-01"))).isFalse();
        assertThat(
                        morning.overlaps(
                                day("2025-12-31"), Instant.parse("2026-01-01T00:00:00.000002Z")))
                .isTrue();
    }

    @Test
    void stepsCoverTheRangeAndTheLastMayEndAfterIt() {
        assertThat(
                        RangeSteps.of(
                                LocalDate.of(2027, 1, 1),
                                LocalDate.of(2027, 2, 15),
                                Period.ofMonths(1)))
                .containsExactly(
                        new RangeSteps.Step(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1)),
                        new RangeSteps.Step(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 1)));
    }

    @Test
    void stepsRefuseEmptyRangesAndStepsThatGoNowhere() {
        LocalDate day = LocalDate.of(2027, 1, 1);
        assertThatThrownBy(() -> RangeSteps.of(day, null, Period.ofDays(1)))
                .hasMessage("from, to and step must not be null");
        assertThatThrownBy(() -> RangeSteps.of(day, day, Period.ofDays(1)))
                .hasMessage("from 2027-01-01 must be before to 2027-01-01");
        assertThatThrownBy(() -> RangeSteps.of(day, day.plusDays(3), Period.ZERO))
                .hasMessage("step P0D must be positive");
        assertThatThrownBy(() -> RangeSteps.of(day, day.plusDays(3), Period.of(0, 1, -31)))
                .hasMessage("step P1M-31D must be positive");
    }
}
