package dev.pgorm.it.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import dev.pgorm.notify.PgNotification;
import dev.pgorm.notify.internal.ConnectionFactory;
import dev.pgorm.notify.internal.ListenerLoop;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A {@code listen} made while a reconnect is LISTENing to the known channels again: the connection
 * factory's statements call {@code listen} from inside that loop, which forces the interleaving.
 */
@PgTest
class ListenerReconnectRaceIT {

    /** Runs {@code duringRelisten} once, inside the first LISTEN sent on the n-th connection. */
    private static ConnectionFactory interleaving(
            ConnectionFactory real, int connection, Runnable duringRelisten) {
        AtomicInteger opened = new AtomicInteger();
        return () -> {
            Connection c = real.open();
            if (opened.incrementAndGet() != connection) {
                return c;
            }
            CountDownLatch once = new CountDownLatch(1);
            return JdbcProxies.wrap(
                    Connection.class,
                    c,
                    "InterleavingConnection",
                    call -> {
                        Object result = call.proceed();
                        if (call.name().equals("createStatement")) {
                            return statement((Statement) result, once, duringRelisten);
                        }
                        return result;
                    });
        };
    }

    private static Statement statement(
            Statement real, CountDownLatch once, Runnable duringRelisten) {
        return JdbcProxies.wrap(
                Statement.class,
                real,
                "InterleavingStatement",
                call -> {
                    Object result = call.proceed();
                    if (call.name().equals("execute")
                            && ((String) call.arg(0)).startsWith("listen")
                            && once.getCount() > 0) {
                        once.countDown();
                        duringRelisten.run();
                    }
                    return result;
                });
    }

    private static void publish(PgTestDatabase db, String channel, String payload) {
        db.execute("select pg_notify('" + channel + "', '" + payload + "')");
    }

    @Test
    void aChannelAddedDuringTheReconnectLoopIsListenedTo(PgTestDatabase db) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        Consumer<PgNotification> handler = n -> got.add(n.channel() + ":" + n.payload());
        ListenerLoop[] loop = new ListenerLoop[1];
        CountDownLatch reconnected = new CountDownLatch(1);
        ConnectionFactory connections =
                interleaving(
                        ConnectionFactory.from(
                                db.jdbcUrl() + "&ApplicationName=it-race",
                                db.user(),
                                db.password()),
                        2,
                        () -> loop[0].listen("late", handler));
        loop[0] =
                new ListenerLoop(
                        connections,
                        Map.of("early", handler),
                        reconnected::countDown,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(50),
                        Duration.ofMillis(500));
        try {
            loop[0].start(); // returns once connected and listening
            assertThat(loop[0].isConnected()).isTrue();
            publish(db, "early", "1");
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("early:1");
            db.execute(
                    "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'it-race'");
            // onReconnect runs once every channel is listened to again
            assertThat(reconnected.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(loop[0].isConnected()).isTrue();
            // receive() applies queued commands before each wait, so once "early:3" arrived they
            // ran: "late" is listened to, or never will be until the next reconnect
            publish(db, "early", "3");
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("early:3");
            publish(db, "late", "4");
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("late:4");
        } finally {
            loop[0].close();
        }
    }
}
