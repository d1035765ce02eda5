package dev.pgorm.spring.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer meters of the {@code @PgListen} listener: counters {@code pgorm.notify.received},
 * {@code .dispatched}, {@code .failed}, {@code .reconnects} and the gauge {@code
 * pgorm.notify.connected} (1 or 0), bound to every meter registry by Spring Boot; and, for {@code
 * PgBulkRepository} calls, the timer {@code pgorm.bulk.insert} and the counter {@code
 * pgorm.bulk.rows}.
 */
@AutoConfiguration(
        after = PgListenAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass(MeterBinder.class)
public class PgOrmMetricsAutoConfiguration {

    /** Created by Spring. */
    public PgOrmMetricsAutoConfiguration() {}

    /**
     * Returns the binder of the listener's meters.
     *
     * @param container the listener's container
     * @return the binder
     */
    @Bean
    @ConditionalOnBean(PgListenContainer.class)
    @ConditionalOnMissingBean(name = "pgListenerMeterBinder")
    MeterBinder pgListenerMeterBinder(PgListenContainer container) {
        return registry -> {
            FunctionCounter.builder("pgorm.notify.received", container, PgListenContainer::received)
                    .description("notifications received by the @PgListen listener")
                    .register(registry);
            FunctionCounter.builder(
                            "pgorm.notify.dispatched", container, PgListenContainer::dispatched)
                    .description("@PgListen handler calls that returned normally")
                    .register(registry);
            FunctionCounter.builder("pgorm.notify.failed", container, PgListenContainer::failed)
                    .description("@PgListen handler calls that failed")
                    .register(registry);
            FunctionCounter.builder(
                            "pgorm.notify.reconnects", container, PgListenContainer::reconnects)
                    .description("reconnects of the @PgListen listener")
                    .register(registry);
            Gauge.builder("pgorm.notify.connected", container, c -> c.isConnected() ? 1 : 0)
                    .description("1 while the @PgListen listener is connected and listening")
                    .register(registry);
        };
    }

    /** Meters of {@code PgBulkRepository} calls. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.pgorm.bulk.PgBulk")
    @ConditionalOnBean(MeterRegistry.class)
    static class Bulk {
        @Bean
        @ConditionalOnMissingBean
        BulkMeters pgormBulkMeters(MeterRegistry registry) {
            Timer timer =
                    Timer.builder("pgorm.bulk.insert")
                            .description("PgBulkRepository.bulkInsert calls")
                            .register(registry);
            Counter rows =
                    Counter.builder("pgorm.bulk.rows")
                            .description("rows inserted by PgBulkRepository.bulkInsert")
                            .register(registry);
            return (n, nanos) -> {
                timer.record(nanos, TimeUnit.NANOSECONDS);
                rows.increment(n);
            };
        }
    }
}
