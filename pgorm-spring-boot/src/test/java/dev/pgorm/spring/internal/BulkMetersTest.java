package dev.pgorm.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BulkMetersTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(PgOrmMetricsAutoConfiguration.class));

    @Test
    void bulkInsertsAreTimedAndTheirRowsCounted() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(
                        context -> {
                            context.getBean(BulkMeters.class)
                                    .inserted(3, TimeUnit.MILLISECONDS.toNanos(5));
                            MeterRegistry registry = context.getBean(MeterRegistry.class);
                            assertThat(registry.get("pgorm.bulk.rows").counter().count())
                                    .isEqualTo(3.0);
                            assertThat(registry.get("pgorm.bulk.insert").timer().count())
                                    .isEqualTo(1);
                            assertThat(
                                            registry.get("pgorm.bulk.insert")
                                                    .timer()
                                                    .totalTime(TimeUnit.MILLISECONDS))
                                    .isEqualTo(5.0);
                        });
    }

    @Test
    void noMetersWithoutARegistryOrWithoutTheBulkModule() {
        runner.run(context -> assertThat(context).doesNotHaveBean(BulkMeters.class));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader("dev.pgorm.bulk"))
                .run(context -> assertThat(context).doesNotHaveBean(BulkMeters.class));
    }
}
