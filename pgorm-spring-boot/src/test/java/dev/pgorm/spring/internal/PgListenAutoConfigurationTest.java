package dev.pgorm.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.notify.PgListener;
import dev.pgorm.notify.PgNotification;
import dev.pgorm.spring.PgListen;
import dev.pgorm.spring.PgListenErrorHandler;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PgListenAutoConfigurationTest {

    /** A pool that is never asked for a connection: no bean here has a @PgListen method. */
    @Configuration(proxyBeanMethods = false)
    static class Pool {
        @Bean(destroyMethod = "close")
        DataSource dataSource() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl("jdbc:postgresql://localhost:1/none");
            return pool;
        }
    }

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    PgListenAutoConfiguration.class,
                                    PgOrmHealthAutoConfiguration.class,
                                    PgOrmMetricsAutoConfiguration.class));

    @Test
    void withADataSourceTheListenerHealthAndMetersAreConfigured() {
        runner.withUserConfiguration(Pool.class)
                .run(
                        context -> {
                            assertThat(context)
                                    .hasSingleBean(PgListenContainer.class)
                                    .hasSingleBean(PgListenBeanPostProcessor.class)
                                    .hasSingleBean(PgListenErrorHandler.class);
                            HealthIndicator health =
                                    context.getBean(
                                            "pgListenerHealthIndicator", HealthIndicator.class);
                            // running, with nothing to listen to and no connection taken
                            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                            assertThat(health.health().getDetails())
                                    .containsEntry("received", 0L)
                                    .containsKey("channels");
                            SimpleMeterRegistry registry = new SimpleMeterRegistry();
                            context.getBean(MeterBinder.class).bindTo(registry);
                            assertThat(registry.get("pgorm.notify.connected").gauge().value())
                                    .isEqualTo(1.0);
                            assertThat(
                                            registry.get("pgorm.notify.failed")
                                                    .functionCounter()
                                                    .count())
                                    .isZero();
                            assertThat(registry.find("pgorm.notify.received").functionCounter())
                                    .isNotNull();
                            assertThat(registry.find("pgorm.notify.dispatched").functionCounter())
                                    .isNotNull();
                            assertThat(registry.find("pgorm.notify.reconnects").functionCounter())
                                    .isNotNull();
                            context.getBean(PgListenContainer.class).stop();
                            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                        });
    }

    @Test
    void withoutADataSourceNothingIsConfigured() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PgListenContainer.class));
    }

    @Test
    void theListenerCanBeSwitchedOff() {
        runner.withUserConfiguration(Pool.class)
                .withPropertyValues("pgorm.notify.listener.enabled=false")
                .run(
                        context ->
                                assertThat(context)
                                        .doesNotHaveBean(PgListenContainer.class)
                                        .doesNotHaveBean(MeterBinder.class));
    }

    @Test
    void withoutTheNotifyModuleNothingIsConfigured() {
        runner.withUserConfiguration(Pool.class)
                .withClassLoader(new FilteredClassLoader(PgListener.class))
                .run(context -> assertThat(context).doesNotHaveBean(PgListenContainer.class));
    }

    @Test
    void withoutMicrometerOrActuatorHealthTheListenerStillRuns() {
        runner.withUserConfiguration(Pool.class)
                .withClassLoader(new FilteredClassLoader(MeterBinder.class, HealthIndicator.class))
                .run(
                        context ->
                                assertThat(context)
                                        .hasSingleBean(PgListenContainer.class)
                                        .doesNotHaveBean(MeterBinder.class)
                                        .doesNotHaveBean("pgListenerHealthIndicator"));
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner.withUserConfiguration(Pool.class)
                .withPropertyValues("management.health.pgListener.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("pgListenerHealthIndicator"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnErrorHandler {
        @Bean
        PgListenErrorHandler mine() {
            return (n, e) -> {};
        }
    }

    @Test
    void anApplicationErrorHandlerReplacesTheDefault() {
        runner.withUserConfiguration(Pool.class, OwnErrorHandler.class)
                .run(
                        context ->
                                assertThat(context.getBean(PgListenErrorHandler.class))
                                        .isSameAs(context.getBean("mine")));
    }

    static class Handlers {
        @PgListen(channel = "${app.channel}")
        void onOrder(PgNotification n) {}

        @PgListen(channel = "audit")
        void onAudit(String payload) {}
    }

    @Configuration(proxyBeanMethods = false)
    static class WithHandlers {
        @Bean
        static PgListenBeanPostProcessor processor() {
            return new PgListenBeanPostProcessor();
        }

        @Bean
        Handlers handlers() {
            return new Handlers();
        }
    }

    @Test
    void pgListenMethodsAreFoundWithPlaceholdersResolved() {
        new ApplicationContextRunner()
                .withUserConfiguration(WithHandlers.class)
                .withPropertyValues("app.channel=orders")
                .run(
                        context ->
                                assertThat(
                                                context
                                                        .getBean(PgListenBeanPostProcessor.class)
                                                        .endpoints()
                                                        .stream()
                                                        .map(PgListenEndpoint::channel))
                                        .containsExactlyInAnyOrder("orders", "audit"));
    }

    static class TwoParameters {
        @PgListen(channel = "orders")
        void on(String a, String b) {}
    }

    @Test
    void aMethodWithTwoParametersFailsAtBootNamingIt() {
        new ApplicationContextRunner()
                .withUserConfiguration(WithHandlers.class)
                .withPropertyValues("app.channel=orders")
                .withBean(TwoParameters.class)
                .run(
                        context ->
                                assertThat(context)
                                        .getFailure()
                                        .rootCause()
                                        .hasMessageContaining("TwoParameters.on")
                                        .hasMessageContaining("give it one"));
    }

    @Test
    void aListenerThatCannotConnectFailsTheStartSayingWhy() {
        runner.withUserConfiguration(Pool.class)
                .withPropertyValues("app.channel=orders")
                .withBean(Handlers.class)
                .run(
                        context ->
                                assertThat(context)
                                        .getFailure()
                                        .hasStackTraceContaining(
                                                "PgListener could not connect and listen to"
                                                        + " channels [orders, audit]"));
    }
}
