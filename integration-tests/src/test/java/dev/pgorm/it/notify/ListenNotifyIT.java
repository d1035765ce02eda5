package dev.pgorm.it.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.core.internal.jdbc.JdbcProxies;
import dev.pgorm.notify.NotifyOnChange;
import dev.pgorm.notify.PgListener;
import dev.pgorm.notify.PgNotification;
import dev.pgorm.notify.PgNotify;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** LISTEN/NOTIFY end to end: transactions, order, bursts, disconnects, limits, entity events. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenNotifyIT {

    // tag::entity[]
    @Entity(name = "Shipment")
    @NotifyOnChange(channel = "shipment_changes")
    static class Shipment {
        @Id Long id;
        String status;
    }

    // end::entity[]

    @Entity(name = "Vehicle")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @NotifyOnChange(channel = "vehicle_changes")
    static class Vehicle {
        @Id Long id;
    }

    @Entity(name = "Truck")
    static class Truck extends Vehicle {
        int axles;
    }

    public record OrderEvent(long id, String status) {}

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Shipment.class, Vehicle.class, Truck.class);
    }

    private PgListener.Builder listener(PgTestDatabase db) {
        return PgListener.builder(db.jdbcUrl(), db.user(), db.password())
                .pollTimeout(Duration.ofMillis(100))
                .validationInterval(Duration.ofSeconds(1))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
    }

    @Test
    void startReturnsListening(PgTestDatabase db) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            listenFromAPool(dataSource);
        }
    }

    private void listenFromAPool(DataSource dataSource) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        // tag::listener[]
        try (PgListener listener =
                PgListener.builder(dataSource) // or builder(jdbcUrl, user, password)
                        .listen("orders", n -> got.add(n.payload()))
                        .listen("typed", OrderEvent.class, event -> got.add(event.status()))
                        .onError((notification, e) -> errors.add(notification.payload()))
                        .onReconnect(() -> got.add("resync"))
                        .build()
                        .start()) { // returns once it is listening
            sf.inTransaction(em -> PgNotify.publish(em, "orders", "first"));
            sf.inTransaction(em -> PgNotify.publish(em, "typed", new OrderEvent(7, "SHIPPED")));
            sf.inTransaction(em -> PgNotify.publish(em, "typed", "not an event"));
            // end::listener[]
            assertThat(listener.isConnected()).isTrue();
            // Each channel has a handler thread of its own: order holds within a channel only.
            assertThat(Arrays.asList(got.poll(5, TimeUnit.SECONDS), got.poll(5, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder("first", "SHIPPED");
            for (int i = 0; i < 250 && errors.isEmpty(); i++) {
                Thread.sleep(20);
            }
            assertThat(errors).containsExactly("not an event");
        }
    }

    @Test
    void startFailsSayingWhyAndStopsTheThread(PgTestDatabase db) throws Exception {
        // nothing listens on port 1: the first connection is refused
        String url = db.jdbcUrl().replaceFirst("//[^/]+/", "//localhost:1/");
        PgListener nowhere =
                PgListener.builder(url, db.user(), db.password()).listen("orders", n -> {}).build();
        assertThatThrownBy(nowhere::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "PgListener could not connect and listen to channels [orders]")
                .hasMessageContaining("localhost:1")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(nowhere.isConnected()).isFalse();
        for (int i = 0; i < 100 && listenerThreadAlive(); i++) {
            Thread.sleep(20);
        }
        assertThat(listenerThreadAlive()).as("no receiving thread left behind").isFalse();
        nowhere.close();
    }

    private static boolean listenerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("pgorm-listener") && t.isAlive());
    }

    @Test
    void deliveredOnCommitNeverOnRollback(PgTestDatabase db) throws Exception {
        BlockingQueue<PgNotification> got = new LinkedBlockingQueue<>();
        try (PgListener listener = listener(db).listen("orders", got::add).build().start()) {
            // tag::publish[]
            sf.inTransaction(em -> PgNotify.publish(em, "orders", new OrderEvent(42, "PAID")));
            // end::publish[]
            PgNotification n = got.poll(5, TimeUnit.SECONDS);
            assertThat(n).isNotNull();
            assertThat(n.channel()).isEqualTo("orders");
            assertThat(n.payloadAs(OrderEvent.class)).isEqualTo(new OrderEvent(42, "PAID"));

            CountDownLatch published = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Thread tx =
                    new Thread(
                            () ->
                                    sf.inTransaction(
                                            em -> {
                                                PgNotify.publish(em, "orders", "later");
                                                published.countDown();
                                                try {
                                                    commit.await();
                                                } catch (InterruptedException e) {
                                                    Thread.currentThread().interrupt();
                                                }
                                            }));
            tx.start();
            published.await();
            assertThat(got.poll(300, TimeUnit.MILLISECONDS)).as("not before commit").isNull();
            commit.countDown();
            assertThat(got.poll(5, TimeUnit.SECONDS))
                    .extracting(PgNotification::payload)
                    .isEqualTo("later");

            try (var s = sf.openSession()) {
                s.beginTransaction();
                PgNotify.publish(s, "orders", "rolled back");
                s.getTransaction().rollback();
            }
            assertThat(got.poll(500, TimeUnit.MILLISECONDS)).as("nothing after rollback").isNull();
        }
    }

    @Test
    void burstArrivesCompleteAndInOrder(PgTestDatabase db) throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(10_000);
        try (PgListener listener =
                listener(db)
                        .listen(
                                "burst",
                                n -> {
                                    got.add(n.payload());
                                    all.countDown();
                                })
                        .build()
                        .start()) {
            sf.inTransaction(
                    em -> {
                        for (int i = 0; i < 10_000; i++) {
                            PgNotify.publish(em, "burst", Integer.toString(i));
                        }
                    });
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(got).hasSize(10_000);
            for (int i = 0; i < 10_000; i++) {
                assertThat(got.get(i)).isEqualTo(Integer.toString(i));
            }
            assertThat(listener.stats().received()).isEqualTo(10_000);
        }
    }

    @Test
    void survivesTerminatedBackend(PgTestDatabase db) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        CountDownLatch reconnected = new CountDownLatch(1);
        String url = db.jdbcUrl() + "&ApplicationName=it-terminate";
        try (PgListener listener =
                PgListener.builder(url, db.user(), db.password())
                        .pollTimeout(Duration.ofMillis(100))
                        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                        .listen("jobs", n -> got.add(n.payload()))
                        .onReconnect(reconnected::countDown)
                        .build()
                        .start()) {
            long start = System.nanoTime();
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'it-terminate'",
                                            Long.class))
                    .isEqualTo(1L);
            assertThat(reconnected.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
            sf.inTransaction(em -> PgNotify.publish(em, "jobs", "after the reconnect"));
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("after the reconnect");
            assertThat(listener.stats().reconnects()).isEqualTo(1);
        }
    }

    @Test
    void survivesACutConnection(PgTestDatabase db) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        CountDownLatch reconnected = new CountDownLatch(1);
        // The server's own host and port, which differ when PGORM_TEST_URL points elsewhere.
        Matcher server = Pattern.compile("//([^:/]+):(\\d+)/").matcher(db.jdbcUrl());
        assertThat(server.find()).as("host and port in %s", db.jdbcUrl()).isTrue();
        try (TcpProxy proxy = new TcpProxy(server.group(1), Integer.parseInt(server.group(2)))) {
            String url =
                    db.jdbcUrl()
                            .replace(
                                    server.group(0),
                                    "//" + server.group(1) + ":" + proxy.port() + "/");
            try (PgListener listener =
                    PgListener.builder(url, db.user(), db.password())
                            .pollTimeout(Duration.ofMillis(100))
                            .validationInterval(Duration.ofSeconds(1))
                            .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                            .listen("cut", n -> got.add(n.payload()))
                            .onReconnect(reconnected::countDown)
                            .build()
                            .start()) {
                proxy.cut();
                assertThat(reconnected.await(10, TimeUnit.SECONDS)).isTrue();
                sf.inTransaction(em -> PgNotify.publish(em, "cut", "after the cut"));
                assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("after the cut");
            }
        }
    }

    @Test
    void slowHandlerLosesNothingAndFailuresAreCounted(PgTestDatabase db) throws Exception {
        AtomicInteger handled = new AtomicInteger();
        try (PgListener listener =
                listener(db)
                        .listen(
                                "slow",
                                n -> {
                                    try {
                                        Thread.sleep(5);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    if (n.payload().equals("13")) {
                                        throw new IllegalStateException("unlucky");
                                    }
                                    handled.incrementAndGet();
                                })
                        .build()
                        .start()) {
            sf.inTransaction(
                    em -> {
                        for (int i = 0; i < 200; i++) {
                            PgNotify.publish(em, "slow", Integer.toString(i));
                        }
                    });
            for (int i = 0; i < 100 && listener.stats().received() < 200; i++) {
                Thread.sleep(20);
            }
            // Receipt is not held up by the handler (200 x 5 ms would take a second).
            assertThat(listener.stats().received()).isEqualTo(200);
            for (int i = 0; i < 300 && handled.get() < 199; i++) {
                Thread.sleep(20);
            }
            assertThat(handled.get()).isEqualTo(199);
            assertThat(listener.stats().failed()).isEqualTo(1);
            assertThat(listener.stats().dispatched()).isEqualTo(199);
        }
    }

    @Test
    void limitsAreCheckedBeforeSending() {
        String almost = "é".repeat(3999) + "x"; // 7,999 bytes
        sf.inTransaction(em -> PgNotify.publish(em, "limits", almost));
        String tooBig = "é".repeat(4000); // 8,000 bytes
        assertThatThrownBy(() -> sf.inTransaction(em -> PgNotify.publish(em, "limits", tooBig)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8000 bytes")
                .hasMessageContaining("less than 8000");
        assertThatThrownBy(() -> sf.inTransaction(em -> PgNotify.publish(em, "c".repeat(64), "x")))
                .hasMessageContaining("64 bytes long");
    }

    @Test
    void typedHandlersAndDecodeErrors(PgTestDatabase db) throws Exception {
        BlockingQueue<OrderEvent> events = new LinkedBlockingQueue<>();
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        try (PgListener listener =
                listener(db)
                        .onError((n, e) -> errors.add(n.payload()))
                        .listen("typed", OrderEvent.class, events::add)
                        .build()
                        .start()) {
            sf.inTransaction(
                    em -> {
                        PgNotify.publish(em, "typed", "{\"id\": 7, \"status\": \"NEW\"}");
                        PgNotify.publish(em, "typed", "not json");
                    });
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(new OrderEvent(7, "NEW"));
            assertThat(errors.poll(5, TimeUnit.SECONDS)).isEqualTo("not json");
        }
    }

    @Test
    void entityChangesArePublishedOnCommitOnly(PgTestDatabase db) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (PgListener listener =
                listener(db)
                        .listen("shipment_changes", n -> got.add(n.payload()))
                        .build()
                        .start()) {
            sf.inTransaction(
                    s -> {
                        Shipment sh = new Shipment();
                        sh.id = 5L;
                        sh.status = "NEW";
                        s.persist(sh);
                    });
            sf.inTransaction(s -> s.find(Shipment.class, 5L).status = "SENT");
            sf.inTransaction(s -> s.remove(s.find(Shipment.class, 5L)));
            assertThat(got.poll(5, TimeUnit.SECONDS))
                    .isEqualTo("{\"entity\":\"Shipment\",\"op\":\"INSERT\",\"id\":5}");
            assertThat(got.poll(5, TimeUnit.SECONDS))
                    .isEqualTo("{\"entity\":\"Shipment\",\"op\":\"UPDATE\",\"id\":5}");
            assertThat(got.poll(5, TimeUnit.SECONDS))
                    .isEqualTo("{\"entity\":\"Shipment\",\"op\":\"DELETE\",\"id\":5}");
            try (var s = sf.openSession()) {
                s.beginTransaction();
                Shipment sh = new Shipment();
                sh.id = 6L;
                s.persist(sh);
                s.flush();
                s.getTransaction().rollback();
            }
            assertThat(got.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void subclassesOfAnAnnotatedEntityPublishToo(PgTestDatabase db) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (PgListener listener =
                listener(db).listen("vehicle_changes", n -> got.add(n.payload())).build().start()) {
            sf.inTransaction(
                    s -> {
                        Truck truck = new Truck();
                        truck.id = 7L;
                        truck.axles = 3;
                        s.persist(truck);
                    });
            sf.inTransaction(s -> s.remove(s.find(Vehicle.class, 7L)));
            assertThat(got.poll(5, TimeUnit.SECONDS))
                    .isEqualTo("{\"entity\":\"Truck\",\"op\":\"INSERT\",\"id\":7}");
            assertThat(got.poll(5, TimeUnit.SECONDS))
                    .isEqualTo("{\"entity\":\"Truck\",\"op\":\"DELETE\",\"id\":7}");
        }
    }

    @Test
    void aPooledConnectionGoesBackWithoutItsChannels(PgTestDatabase db) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        AtomicBoolean failValidity = new AtomicBoolean();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            // A data source that tells no URL: the listener borrows one of its connections.
            DataSource opaque =
                    JdbcProxies.wrap(
                            DataSource.class,
                            pool,
                            "OpaqueDataSource",
                            call -> {
                                Object result = call.proceed();
                                if (call.name().equals("getConnection")) {
                                    return failingValidity((Connection) result, failValidity);
                                }
                                return result;
                            });
            try (PgListener listener =
                    PgListener.builder(opaque)
                            .pollTimeout(Duration.ofMillis(100))
                            .validationInterval(Duration.ofSeconds(1))
                            // long enough for this test to borrow the connection meanwhile
                            .reconnectBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30))
                            .listen("pooled", n -> {})
                            .build()
                            .start()) {
                failValidity.set(true); // the error path: the loop gives the connection back
                for (int i = 0; i < 250 && listener.isConnected(); i++) {
                    Thread.sleep(20);
                }
                assertThat(listener.isConnected()).isFalse();
                try (Connection c = pool.getConnection();
                        var st = c.createStatement();
                        var rs = st.executeQuery("select count(*) from pg_listening_channels()")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("channels left on the pooled connection").isZero();
                }
            }
        }
    }

    private static Connection failingValidity(Connection real, AtomicBoolean fail) {
        return JdbcProxies.wrap(
                Connection.class,
                real,
                "FailingValidityConnection",
                call ->
                        call.name().equals("isValid") && fail.getAndSet(false)
                                ? Boolean.FALSE
                                : call.proceed());
    }

    @Test
    void channelsChangeWhileRunningAndCloseIsQuick(PgTestDatabase db) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        String url = db.jdbcUrl() + "&ApplicationName=it-close";
        PgListener listener =
                PgListener.builder(url, db.user(), db.password())
                        .pollTimeout(Duration.ofMillis(100))
                        .build()
                        .start();
        // listen and unlisten return once they ran: no waiting before the NOTIFY
        listener.listen("added", n -> got.add("added:" + n.payload()));
        sf.inTransaction(em -> PgNotify.publish(em, "added", "1"));
        assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("added:1");
        listener.unlisten("added");
        sf.inTransaction(em -> PgNotify.publish(em, "added", "2"));
        assertThat(got.poll(500, TimeUnit.MILLISECONDS)).isNull();

        long start = System.nanoTime();
        listener.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        Thread.sleep(200);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_stat_activity where application_name = 'it-close'",
                                        Long.class))
                .isZero();
    }
}
