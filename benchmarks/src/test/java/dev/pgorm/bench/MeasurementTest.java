package dev.pgorm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    private static Measurement of(double... millis) {
        Measurement m = new Measurement();
        for (double ms : millis) {
            m.add(ms);
        }
        return m;
    }

    @Test
    void medianAndSpread() {
        assertThat(of(5, 1, 3).median()).isEqualTo(3);
        assertThat(of(4, 1, 3, 2).median()).isEqualTo(2.5);
        assertThat(of(4, 1, 3, 2).describe()).isEqualTo("2.5 ms (1.0-4.0)");
        assertThatThrownBy(() -> new Measurement().median()).hasMessageContaining("no repetitions");
    }

    @Test
    void tableShowsRatioTargetAndVerdict() {
        BenchmarkCase c =
                new BenchmarkCase() {
                    @Override
                    public String name() {
                        return "case";
                    }

                    @Override
                    public String baseline() {
                        return "old way";
                    }

                    @Override
                    public String ours() {
                        return "new way";
                    }

                    @Override
                    public double target() {
                        return 2;
                    }

                    @Override
                    public void setUp(BenchEnv env) {}

                    @Override
                    public void runBaseline() {}

                    @Override
                    public void runOurs() {}
                };
        String table =
                Benchmarks.render(
                        List.of(
                                new Benchmarks.Result(c, of(10, 10, 10), of(4, 4, 4)),
                                new Benchmarks.Result(c, of(10), of(8))),
                        "15.20");
        assertThat(table)
                .contains(
                        "| case | old way | new way | 10.0 ms (10.0-10.0) | 4.0 ms (4.0-4.0) | 2.50 | 2.00 | pass |")
                .contains("| 1.25 | 2.00 | **fail** |")
                .contains("PostgreSQL: 15.20");
    }
}
