package dev.pgorm.spring.internal;

import dev.pgorm.bulk.PgBulkObserver;
import dev.pgorm.bulk.PgBulkSettings;
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
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer meters of the {@code @PgListen} listener: counters {@code pgorm.notify.received},
 * {@code .dispatched}, {@code .failed}, {@code .reconnects} and the gauge {@code
 * pgorm.notify.connected} (1 or 0), bound to every meter registry by Spring Boot; and, for every
 * {@code PgBulk} call (including {@code PgBulkRepository}'s), the timer {@code
 * pgorm.bulk.<operation>} and the counter {@code pgorm.bulk.rows}.
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

    /**
     * Meters of every {@code PgBulk} call, through the persistence unit's {@link PgBulkObserver}:
     * the timer {@code pgorm.bulk.<operation>} and the counter {@code pgorm.bulk.rows} tagged with
     * the operation.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.pgorm.bulk.PgBulk")
    @ConditionalOnBean(MeterRegistry.class)
    static class Bulk {
        @Bean
        @ConditionalOnMissingBean
        PgBulkObserver pgormBulkMeters(MeterRegistry registry) {
            // registered up front, so that dashboards show the insert meters at zero
            Timer.builder("pgorm.bulk.insert")
                    .description("PgBulk.insert calls")
                    .register(registry);
            Counter.builder("pgorm.bulk.rows")
                    .tag("operation", "insert")
                    .description("rows written by PgBulk calls")
                    .register(registry);
            return (operation, rows, nanos) -> {
                Timer.builder("pgorm.bulk." + operation)
                        .description("PgBulk." + operation + " calls")
                        .register(registry)
                        .record(nanos, TimeUnit.NANOSECONDS);
                Counter.builder("pgorm.bulk.rows")
                        .tag("operation", operation)
                        .description("rows written by PgBulk calls")
                        .register(registry)
                        .increment(rows);
            };
        }

        /** Hands the observer to Hibernate, unless the application set one of its own. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(
                name =
                        "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer")
        static class Hibernate {
            @Bean
            @ConditionalOnMissingBean(name = "pgormBulkObserverCustomizer")
            HibernatePropertiesCustomizer pgormBulkObserverCustomizer(PgBulkObserver observer) {
                return properties -> properties.putIfAbsent(PgBulkSettings.OBSERVER, observer);
            }
        }
    }
}
