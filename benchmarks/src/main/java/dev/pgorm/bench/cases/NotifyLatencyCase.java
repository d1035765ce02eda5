package dev.pgorm.bench.cases;

import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.notify.PgListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Issue: LISTEN/NOTIFY. End-to-end latency from a committed {@code pg_notify} to the handler, one
 * notification at a time, through {@link PgListener} and through a raw pgjdbc loop on {@code
 * getNotifications}. The ratio compares total time (mean latency); the notes give p50 and p99 of
 * every measured notification. Target: p99 at most twice the raw loop's.
 */
public final class NotifyLatencyCase implements BenchmarkCase {

    static final int NOTIFICATIONS = 500;

    private BenchEnv env;
    private PgListener listener;
    private final SynchronousQueue<Long> ourHandoff = new SynchronousQueue<>();
    private final SynchronousQueue<Long> rawHandoff = new SynchronousQueue<>();
    private Thread rawThread;
    private volatile boolean rawRunning;
    private Connection publisher;
    private final List<Long> ourLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> rawLatencies = Collections.synchronizedList(new ArrayList<>());
    private boolean measureRaw;
    private boolean measureOurs;

    @Override
    public String name() {
        return "NOTIFY to handler latency";
    }

    @Override
    public String baseline() {
        return "raw pgjdbc getNotifications loop";
    }

    @Override
    public String ours() {
        return "PgListener handler";
    }

    @Override
    public double target() {
        return 0.5;
    }

    @Override
    public void setUp(BenchEnv env) throws Exception {
        this.env = env;
        String url = env.dataSource().getJdbcUrl();
        String user = env.dataSource().getUsername();
        String password = env.dataSource().getPassword();
        listener =
                PgListener.builder(url, user, password)
                        .listen("bench_ours", n -> handoff(ourHandoff))
                        .build()
                        .start();
        Connection raw = DriverManager.getConnection(url, user, password);
        try (Statement st = raw.createStatement()) {
            st.execute("listen bench_raw");
        }
        rawRunning = true;
        rawThread =
                new Thread(
                        () -> {
                            try (raw) {
                                PGConnection pg = raw.unwrap(PGConnection.class);
                                while (rawRunning) {
                                    PGNotification[] ns = pg.getNotifications(100);
                                    if (ns != null) {
                                        for (int i = 0; i < ns.length; i++) {
                                            handoff(rawHandoff);
                                        }
                                    }
                                }
                            } catch (Exception e) {
                                if (rawRunning) {
                                    throw new IllegalStateException(e);
                                }
                            }
                        },
                        "bench-raw-listener");
        rawThread.setDaemon(true);
        rawThread.start();
        publisher = env.dataSource().getConnection();
        // PgListener.start() returned listening; the raw thread has listened before it started
    }

    private static void handoff(SynchronousQueue<Long> queue) {
        try {
            queue.put(System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(
            String channel, SynchronousQueue<Long> queue, List<Long> latencies, boolean measuring)
            throws Exception {
        try (PreparedStatement ps = publisher.prepareStatement("select pg_notify(?, ?)")) {
            for (int i = 0; i < NOTIFICATIONS; i++) {
                ps.setString(1, channel);
                ps.setString(2, Integer.toString(i));
                long start = System.nanoTime();
                ps.execute(); // auto-commit: delivered when the statement commits
                Long received = queue.poll(5, TimeUnit.SECONDS);
                if (received == null) {
                    throw new IllegalStateException(
                            "notification " + i + " on " + channel + " did not arrive");
                }
                if (measuring) {
                    latencies.add(received - start);
                }
            }
        }
    }

    @Override
    public void runBaseline() throws Exception {
        run("bench_raw", rawHandoff, rawLatencies, measureRaw);
        measureRaw = true; // the first call is warm-up
    }

    @Override
    public void runOurs() throws Exception {
        run("bench_ours", ourHandoff, ourLatencies, measureOurs);
        measureOurs = true; // the first call is warm-up
    }

    private static double percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1))
                / 1000.0;
    }

    @Override
    public String notes() {
        double rawP99 = percentile(rawLatencies, 0.99);
        double ourP99 = percentile(ourLatencies, 0.99);
        return String.format(
                Locale.ROOT,
                "p50 %.0f µs vs %.0f µs raw, p99 %.0f µs vs %.0f µs raw (p99 ratio %.2f, target at most 2.00: %s),"
                        + " %.0f notifications/s one at a time, %d notifications each",
                percentile(ourLatencies, 0.5),
                percentile(rawLatencies, 0.5),
                ourP99,
                rawP99,
                ourP99 / rawP99,
                ourP99 <= 2 * rawP99 ? "pass" : "fail",
                1_000_000.0 / percentile(ourLatencies, 0.5),
                ourLatencies.size());
    }

    @Override
    public void tearDown() throws Exception {
        listener.close();
        rawRunning = false;
        rawThread.join(1000);
        publisher.close();
    }
}
