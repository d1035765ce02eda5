package dev.pgorm.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulkObserver;
import dev.pgorm.bulk.PgBulkSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
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
                            context.getBean(PgBulkObserver.class)
                                    .completed("insert", 3, TimeUnit.MILLISECONDS.toNanos(5));
                            Map<String, Object> hibernate = new HashMap<>();
                            context.getBean(
                                            "pgormBulkObserverCustomizer",
                                            HibernatePropertiesCustomizer.class)
                                    .customize(hibernate);
                            assertThat(hibernate)
                                    .containsEntry(
                                            PgBulkSettings.OBSERVER,
                                            context.getBean(PgBulkObserver.class));
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
        runner.run(context -> assertThat(context).doesNotHaveBean(PgBulkObserver.class));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader("dev.pgorm.bulk"))
                .run(context -> assertThat(context).doesNotHaveBean(PgBulkObserver.class));
    }
}
