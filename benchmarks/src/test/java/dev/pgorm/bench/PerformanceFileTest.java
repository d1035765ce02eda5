package dev.pgorm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PerformanceFileTest {

    private static final String FULL =
            """
            # Performance

            - date: 2026-12-07T05:00:00Z
            - PostgreSQL: 15

            | case | baseline | PG-ORM | baseline time | PG-ORM time | ratio | target | result |
            |---|---|---|---|---|---|---|---|
            | a | x | y | 1 ms | 1 ms | 1.00 | 0.50 | pass |
            | b | x | y | 2 ms | 1 ms | 2.00 | 1.00 | pass |

            Notes:

            - a: old note of a
            """;

    private static final String PARTIAL =
            """
            # Performance

            - date: 2026-12-07T07:00:00Z

            | case | baseline | PG-ORM | baseline time | PG-ORM time | ratio | target | result |
            |---|---|---|---|---|---|---|---|
            | b | x | y | 4 ms | 1 ms | 4.00 | 1.00 | pass |
            | c | x | y | 9 ms | 3 ms | 3.00 | - | reference |

            Notes:

            - c: note of c
            """;

    @Test
    void aPartialRunReplacesAndAddsItsRowsAndKeepsTheOthers() {
        String merged = PerformanceFile.merge(FULL, PARTIAL, Set.of("b"));
        assertThat(merged)
                .contains("| a | x | y | 1 ms | 1 ms | 1.00 | 0.50 | pass |")
                .contains("| b | x | y | 4 ms | 1 ms | 4.00 | 1.00 | pass |")
                .doesNotContain("2.00 | 1.00")
                .contains("- date: 2026-12-07T05:00:00Z")
                .contains("- a: old note of a")
                .containsPattern("- partial run [^\\n]*: b \\(the other rows are from the run");
        String added = PerformanceFile.merge(FULL, PARTIAL, Set.of("c"));
        assertThat(added.indexOf("| c |")).isGreaterThan(added.indexOf("| b |"));
        assertThat(added.indexOf("| c |")).isLessThan(added.indexOf("Notes:"));
        assertThat(added).endsWith("- c: note of c\n");
    }
}
