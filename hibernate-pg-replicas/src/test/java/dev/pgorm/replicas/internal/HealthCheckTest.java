package dev.pgorm.replicas.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private final List<String> calls = new ArrayList<>();
    private final AtomicBoolean primaryUp = new AtomicBoolean(true);

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(
                Proxy.newProxyInstance(
                        HealthCheckTest.class.getClassLoader(),
                        new Class<?>[] {type},
                        (p, method, args) -> answer.of(method.getName(), args)));
    }

    @FunctionalInterface
    private interface Answer {
        Object of(String method, Object[] args) throws Throwable;
    }

    /** A server whose one query answers {@code columns}, or fails while {@code up} is false. */
    private DataSource server(AtomicBoolean up, Object... columns) {
        ResultSet rs =
                proxy(
                        ResultSet.class,
                        (m, a) ->
                                switch (m) {
                                    case "next", "getBoolean" ->
                                            m.equals("next") || (Boolean) columns[(int) a[0] - 1];
                                    case "getString" -> columns[(int) a[0] - 1];
                                    default -> null;
                                });
        Statement st = proxy(Statement.class, (m, a) -> m.equals("executeQuery") ? rs : null);
        Connection c =
                proxy(
                        Connection.class,
                        (m, a) -> {
                            calls.add(m);
                            return m.equals("createStatement") ? st : null;
                        });
        return proxy(
                DataSource.class,
                (m, a) -> {
                    if (!up.get()) {
                        throw new SQLException("Connection refused", "08001");
                    }
                    return c;
                });
    }

    private Replica replica() {
        return new Replica("r", server(new AtomicBoolean(true), true, "0/100"));
    }

    @Test
    void withoutAnySampleOfThePrimaryTheLagIsUnknownAndTheReplicaOut() {
        primaryUp.set(false);
        Replica replica = replica();
        new HealthCheck(
                        server(primaryUp, "0/100"),
                        List.of(replica),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(1))
                .run();
        assertThat(replica.health().healthy()).isFalse();
        assertThat(replica.health().problem()).contains("lag unknown");
        assertThat(replica.serves()).isFalse();
    }

    @Test
    void aPrimaryAwayForMoreThanAFewIntervalsLeavesTheReplicaOut() throws InterruptedException {
        Replica replica = replica();
        HealthCheck check =
                new HealthCheck(
                        server(primaryUp, "0/100"),
                        List.of(replica),
                        Duration.ofSeconds(10),
                        Duration.ofMillis(50));
        check.run();
        assertThat(replica.serves()).isTrue();
        primaryUp.set(false);
        check.run();
        assertThat(replica.serves()).as("within a few intervals of the last sample").isTrue();
        Thread.sleep(200);
        check.run();
        assertThat(replica.serves()).isFalse();
        assertThat(replica.health().problem()).contains("lag unknown");
    }

    @Test
    void aFindingNoCheckRenewsStopsCounting() throws InterruptedException {
        Replica replica = replica();
        new HealthCheck(
                        server(primaryUp, "0/100"),
                        List.of(replica),
                        Duration.ofSeconds(10),
                        Duration.ofMillis(50))
                .run();
        assertThat(replica.serves()).isTrue();
        Thread.sleep(200); // the check thread blocked
        assertThat(replica.health().healthy()).isTrue();
        assertThat(replica.serves()).isFalse();
    }

    @Test
    void theChecksConnectionsGiveUpAfterTwiceTheInterval() {
        new HealthCheck(
                        server(primaryUp, "0/100"),
                        List.of(replica()),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(1))
                .run();
        assertThat(calls.stream().filter("setNetworkTimeout"::equals)).hasSize(2);
    }
}
