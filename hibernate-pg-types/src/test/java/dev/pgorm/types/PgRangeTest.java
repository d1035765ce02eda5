package dev.pgorm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PgRangeTest {

    @Test
    void discreteRangesAreCanonical() {
        assertThat(PgRange.closed(1, 10))
                .hasToString("[1,11)")
                .isEqualTo(PgRange.closedOpen(1, 11));
        assertThat(PgRange.open(1, 10)).hasToString("[2,10)");
        assertThat(PgRange.openClosed(1L, 10L)).hasToString("[2,11)");
        assertThat(PgRange.closed(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)))
                .hasToString("[2026-01-01,2026-02-01)");
        assertThat(PgRange.open(1, 2)).isEqualTo(PgRange.empty());
        assertThat(PgRange.greaterThan(5)).hasToString("[6,)");
        assertThat(PgRange.atMost(5)).hasToString("(,6)");
    }

    @Test
    void continuousRangesKeepTheirBounds() {
        assertThat(PgRange.closed(new BigDecimal("1.5"), new BigDecimal("2")))
                .hasToString("[1.5,2]");
        assertThat(PgRange.closedOpen(new BigDecimal("1.5"), new BigDecimal("1.50")))
                .isEqualTo(PgRange.empty());
        assertThat(PgRange.closed(new BigDecimal("1.5"), new BigDecimal("1.50")))
                .hasToString("[1.5,1.50]");
        assertThat(PgRange.closed(new BigDecimal("1.0"), new BigDecimal("2")))
                .isEqualTo(PgRange.closed(new BigDecimal("1.00"), new BigDecimal("2.0")))
                .hasSameHashCodeAs(PgRange.closed(new BigDecimal("1.00"), new BigDecimal("2.0")));
    }

    @Test
    void lowerAboveUpperIsRejectedWithTheRange() {
        assertThatThrownBy(() -> PgRange.closed(5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower bound must be less than or equal to range upper bound")
                .hasMessageContaining("[5,1]");
        assertThatThrownBy(() -> PgRange.parse("[5,1)", Integer.class))
                .hasMessageContaining("'[5,1)'");
    }

    @Test
    void parseSpeaksPostgresSyntax() {
        assertThat(PgRange.parse("empty", Integer.class)).isEqualTo(PgRange.empty());
        assertThat(PgRange.parse(" EMPTY ", Integer.class).isEmpty()).isTrue();
        assertThat(PgRange.parse("(,)", Integer.class)).isEqualTo(PgRange.all());
        assertThat(PgRange.parse("[,5]", Integer.class)).hasToString("(,6)");
        assertThat(PgRange.parse("[\"1\",\"3\"]", Integer.class)).hasToString("[1,4)");
        assertThat(
                        PgRange.parse(
                                "[2026-01-01 10:00:00,\"2026-01-02 00:00:00.5\")",
                                LocalDateTime.class))
                .hasToString("[\"2026-01-01 10:00:00\",\"2026-01-02 00:00:00.5\")");
        assertThat(PgRange.parse("[\"2026-01-01 10:00:00+02\",)", OffsetDateTime.class).lower())
                .isEqualTo(OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC));
        assertThat(PgRange.parse("[\"2026-01-01 10:00:00+05:30\",)", Instant.class).lower())
                .isEqualTo(Instant.parse("2026-01-01T04:30:00Z"));
    }

    @Test
    void infinityIsAValueNotAMissingBound() {
        PgRange<LocalDate> r = PgRange.parse("[-infinity,infinity]", LocalDate.class);
        assertThat(r.lower()).isEqualTo(LocalDate.MIN);
        assertThat(r.upper()).isEqualTo(LocalDate.MAX);
        assertThat(r.isUpperInclusive()).isTrue();
        assertThat(r.isLowerUnbounded()).isFalse();
        assertThat(r).hasToString("[-infinity,infinity]");
        assertThat(PgRange.parse("[2026-01-01,infinity)", LocalDateTime.class).upper())
                .isEqualTo(LocalDateTime.MAX);
        assertThatThrownBy(() -> PgRange.parse("[1,Infinity)", BigDecimal.class))
                .hasMessageContaining("cannot be represented as a BigDecimal");
    }

    @Test
    void malformedLiteralsNameTheText() {
        for (String bad :
                new String[] {
                    "", "[1,2", "1,2)", "[1;2)", "[1,2)x", "[\"1,2)", "[a,b)", "[1,2,3)"
                }) {
            assertThatThrownBy(() -> PgRange.parse(bad, Integer.class))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void containsFollowsTheBounds() {
        PgRange<Integer> r = PgRange.closedOpen(1, 5);
        assertThat(r.contains(1)).isTrue();
        assertThat(r.contains(4)).isTrue();
        assertThat(r.contains(5)).isFalse();
        assertThat(r.contains(0)).isFalse();
        assertThat(PgRange.<Integer>empty().contains(1)).isFalse();
        assertThat(PgRange.<Integer>all().contains(Integer.MIN_VALUE)).isTrue();
        PgRange<OffsetDateTime> t =
                PgRange.closedOpen(
                        OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        OffsetDateTime.of(2026, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(t.contains(OffsetDateTime.of(2026, 1, 2, 0, 30, 0, 0, ZoneOffset.ofHours(1))))
                .isTrue();
        assertThat(t.contains(OffsetDateTime.of(2026, 1, 2, 0, 30, 0, 0, ZoneOffset.ofHours(-1))))
                .isFalse();
        assertThat(t.contains(OffsetDateTime.of(2026, 1, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1))))
                .isFalse();
    }

    @Test
    void overflowIsReported() {
        assertThatThrownBy(() -> PgRange.closed(1, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of int4range range");
    }

    @Test
    void timestampsWithTimeZoneAreHeldInUtc() {
        PgRange<OffsetDateTime> a =
                PgRange.closedOpen(
                        OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)),
                        OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(a.lower().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(a).hasToString("[\"2026-01-01 08:00:00+00\",\"2026-01-01 10:00:00+00\")");
        assertThat(PgRange.parse(a.toString(), OffsetDateTime.class)).isEqualTo(a);
    }

    @Test
    void unsupportedElementTypesAreRejected() {
        assertThatThrownBy(() -> PgRange.closed("a", "b"))
                .hasMessageContaining("does not support element type java.lang.String");
    }
}
