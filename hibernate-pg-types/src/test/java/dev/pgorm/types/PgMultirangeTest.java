package dev.pgorm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PgMultirangeTest {

    @Test
    void rangesWithTheSameLowerBoundMergeAlikeInAnyOrder() {
        // PostgreSQL: select '{(1,5), [1,3]}'::nummultirange gives {[1,5)}
        PgRange<BigDecimal> open = PgRange.open(BigDecimal.ONE, BigDecimal.valueOf(5));
        PgRange<BigDecimal> closed = PgRange.closed(BigDecimal.ONE, BigDecimal.valueOf(3));
        PgMultirange<BigDecimal> expected =
                PgMultirange.of(PgRange.closedOpen(BigDecimal.ONE, BigDecimal.valueOf(5)));
        assertThat(PgMultirange.of(open, closed)).isEqualTo(expected);
        assertThat(PgMultirange.of(closed, open)).isEqualTo(expected);
    }

    @Test
    void mergesOverlappingAndAdjacentRanges() {
        PgMultirange<Integer> m =
                PgMultirange.of(
                        PgRange.closedOpen(5, 7),
                        PgRange.closed(1, 2),
                        PgRange.closedOpen(3, 5),
                        PgRange.<Integer>empty());
        assertThat(m).hasToString("{[1,3),[3,7)}".replace("[1,3),[3,7)", "[1,7)"));
        assertThat(m.ranges()).hasSize(1);
    }

    @Test
    void keepsGapsAndOrders() {
        PgMultirange<Integer> m =
                PgMultirange.of(PgRange.closedOpen(10, 12), PgRange.closedOpen(1, 3));
        assertThat(m).hasToString("{[1,3),[10,12)}");
        assertThat(m.contains(2)).isTrue();
        assertThat(m.contains(5)).isFalse();
        assertThat(PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.atLeast(2)))
                .hasToString("{[1,)}");
    }

    @Test
    void continuousRangesTouchOnlyWhenABoundIsInclusive() {
        BigDecimal one = BigDecimal.ONE;
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal three = BigDecimal.valueOf(3);
        assertThat(PgMultirange.of(PgRange.closedOpen(one, two), PgRange.open(two, three)))
                .hasToString("{[1,2),(2,3)}");
        assertThat(PgMultirange.of(PgRange.closedOpen(one, two), PgRange.closedOpen(two, three)))
                .hasToString("{[1,3)}");
    }

    @Test
    void parsesPostgresSyntax() {
        assertThat(PgMultirange.parse("{}", Integer.class)).isEqualTo(PgMultirange.empty());
        assertThat(PgMultirange.parse("{[1,3), empty , [5,7]}", Integer.class))
                .hasToString("{[1,3),[5,8)}");
        assertThat(PgMultirange.parse("{[\"2026-01-01\",2026-02-01)}", java.time.LocalDate.class))
                .hasToString("{[2026-01-01,2026-02-01)}");
        assertThatThrownBy(() -> PgMultirange.parse("[1,3)", Integer.class))
                .hasMessageContaining("'[1,3)'");
        assertThatThrownBy(() -> PgMultirange.parse("{[1,3) [4,5)}", Integer.class))
                .hasMessageContaining("separated by commas");
    }
}
