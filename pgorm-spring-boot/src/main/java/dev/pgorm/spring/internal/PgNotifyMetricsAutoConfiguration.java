package dev.pgorm.spring.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the {@code @PgListen} listener: counters {@code pgorm.notify.received},
 * {@code .dispatched}, {@code .failed}, {@code .reconnects} and the gauge {@code
 * pgorm.notify.connected} (1 or 0), bound to every meter registry by Spring Boot.
 */
@AutoConfiguration(after = PgListenAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(PgListenContainer.class)
public class PgNotifyMetricsAutoConfiguration {

    /** Created by Spring. */
    public PgNotifyMetricsAutoConfiguration() {}

    /**
     * Returns the binder of the listener's meters.
     *
     * @param container the listener's container
     * @return the binder
     */
    @Bean
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
}
