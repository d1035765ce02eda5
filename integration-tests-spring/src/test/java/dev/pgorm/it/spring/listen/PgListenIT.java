package dev.pgorm.it.spring.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.it.spring.SpringTestDatabase;
import dev.pgorm.notify.PgNotification;
import dev.pgorm.notify.PgNotify;
import dev.pgorm.spring.PgListen;
import dev.pgorm.spring.PgListenErrorHandler;
import dev.pgorm.spring.PgListenerReconnectedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code @PgListen} methods in a Spring Boot application against the real server. */
@SpringBootTest(properties = "app.orders-channel=spring_it_orders")
@DirtiesContext
class PgListenIT {

    static final String DATABASE = "pgorm_spring_listen_it";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SpringTestDatabase.register(registry, DATABASE);
    }

    // tag::handler[]
    /** The JSON payload of the orders channel. */
    record OrderEvent(long id, String status) {}

    static class OrderHandlers {
        final BlockingQueue<OrderEvent> orders = new LinkedBlockingQueue<>();
        final BlockingQueue<PgListenerReconnectedEvent> reconnects = new LinkedBlockingQueue<>();

        @PgListen(channel = "${app.orders-channel}")
        void onOrder(OrderEvent event) { // decoded from JSON with the application's mapper
            orders.add(event);
        }

        @PgListen(channel = "spring_it_audit")
        void onAudit(PgNotification notification) {
            throw new IllegalStateException("audit down: " + notification.payload());
        }

        @EventListener
        void onReconnect(PgListenerReconnectedEvent event) {
            reconnects.add(event); // notifications sent while disconnected are lost: resync here
        }
    }

    // end::handler[]

    /** Collects what the handlers threw. */
    static class Errors implements PgListenErrorHandler {
        final BlockingQueue<Throwable> seen = new LinkedBlockingQueue<>();

        @Override
        public void handleError(PgNotification notification, Throwable error) {
            seen.add(error);
        }
    }

    /** Whether the listener was listening when the application reported itself started. */
    static final AtomicBoolean LISTENING_AT_STARTED = new AtomicBoolean();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        ApplicationListener<ApplicationStartedEvent> startedProbe() {
            return event ->
                    LISTENING_AT_STARTED.set(
                            event.getApplicationContext()
                                    .getBean("pgListenerHealthIndicator", HealthIndicator.class)
                                    .health()
                                    .getStatus()
                                    .equals(Status.UP));
        }

        @Bean
        OrderHandlers handlers() {
            return new OrderHandlers();
        }

        @Bean
        Errors errors() {
            return new Errors();
        }
    }

    @Autowired OrderHandlers handlers;
    @Autowired Errors errors;
    @Autowired EntityManager em;
    @Autowired TransactionTemplate tx;
    @Autowired MeterRegistry meters;

    @Autowired
    @Qualifier("pgListenerHealthIndicator")
    HealthIndicator health;

    private void publish(String channel, Object payload, boolean commit) {
        tx.executeWithoutResult(
                status -> {
                    PgNotify.publish(em, channel, payload);
                    if (!commit) {
                        status.setRollbackOnly();
                    }
                });
    }

    @Test
    void listensBeforeTheApplicationReportsItselfStarted() {
        assertThat(LISTENING_AT_STARTED).isTrue();
    }

    @Test
    void receivesAfterCommitAndNothingAfterRollback() throws InterruptedException {
        publish("spring_it_orders", new OrderEvent(2, "rolled back"), false);
        publish("spring_it_orders", new OrderEvent(1, "paid"), true);
        // one thread per channel, in order: had the rolled-back one been sent, it would be first
        assertThat(handlers.orders.poll(10, TimeUnit.SECONDS)).isEqualTo(new OrderEvent(1, "paid"));
        assertThat(handlers.orders.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(meters.get("pgorm.notify.dispatched").functionCounter().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void handlerErrorsGoToTheErrorHandlerAndAreCounted() throws InterruptedException {
        double failedBefore = meters.get("pgorm.notify.failed").functionCounter().count();
        publish("spring_it_audit", "x", true);
        assertThat(errors.seen.poll(10, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("audit down: x");
        assertThat(meters.get("pgorm.notify.failed").functionCounter().count())
                .isEqualTo(failedBefore + 1);
    }

    @Test
    void aKilledBackendTurnsHealthDownThenUpAndPublishesTheReconnect() throws Exception {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        double reconnectsBefore = meters.get("pgorm.notify.reconnects").functionCounter().count();
        try {
            SpringTestDatabase.admin("alter database " + DATABASE + " allow_connections false");
            assertThat(
                            SpringTestDatabase.count(
                                    "select pg_terminate_backend(pid) from pg_stat_activity"
                                            + " where datname = '"
                                            + DATABASE
                                            + "' and application_name = 'pgorm-listener'"))
                    .isEqualTo(1);
            await(() -> health.health().getStatus().equals(Status.DOWN));
            assertThat(meters.get("pgorm.notify.connected").gauge().value()).isZero();
        } finally {
            SpringTestDatabase.admin("alter database " + DATABASE + " allow_connections true");
        }
        await(() -> health.health().getStatus().equals(Status.UP));
        assertThat(handlers.reconnects.poll(10, TimeUnit.SECONDS).channels())
                .containsExactlyInAnyOrder("spring_it_orders", "spring_it_audit");
        assertThat(meters.get("pgorm.notify.reconnects").functionCounter().count())
                .isEqualTo(reconnectsBefore + 1);
        assertThat(meters.get("pgorm.notify.connected").gauge().value()).isEqualTo(1.0);
        assertThat(health.health().getDetails()).containsEntry("reconnects", 1L);
        publish("spring_it_orders", new OrderEvent(3, "after reconnect"), true);
        assertThat(handlers.orders.poll(10, TimeUnit.SECONDS))
                .isEqualTo(new OrderEvent(3, "after reconnect"));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
