package dev.pgorm.replicas.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Hands out connections: the primary's, watched for writes, to ordinary sessions; a replica's to
 * read-only sessions, round-robin among the healthy ones, and only one that has replayed the
 * thread's read-your-writes token, waiting up to {@code wait_timeout} for it; the primary's when no
 * replica qualifies.
 */
public final class ReplicaRouter implements AutoCloseable {

    private static final String REPLAYED =
            """
            select pg_last_wal_replay_lsn()::text""";

    private static final String PRIMARY_POSITION =
            """
            select pg_current_wal_lsn()::text""";

    private final ReplicaPools pools;
    private final Duration waitTimeout;
    private final ScheduledExecutorService checker;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Lsn> primarySeen = new AtomicReference<>();

    ReplicaRouter(
            ReplicaPools pools, Duration maxLag, Duration checkInterval, Duration waitTimeout) {
        this.pools = pools;
        this.waitTimeout = waitTimeout;
        if (pools.replicas().isEmpty()) {
            this.checker = null;
            return;
        }
        HealthCheck check =
                new HealthCheck(
                        pools.primary(), pools.replicas(), maxLag, checkInterval, this::primaryAt);
        // The first check runs before the router is handed out, so it routes from the start.
        check.run();
        this.checker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "pgorm-replicas-health");
                            t.setDaemon(true);
                            return t;
                        });
        long interval = Math.max(1, checkInterval.toMillis());
        checker.scheduleWithFixedDelay(check::run, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Returns the router for Hibernate's settings (see {@code PgReplicasSettings}). */
    public static ReplicaRouter configure(Map<String, Object> settings) {
        return RouterConfig.read(settings).build();
    }

    /** Returns the primary's data source, unwatched. */
    public DataSource primary() {
        return pools.primary();
    }

    /** Returns the replicas, in the order configured. */
    public List<Replica> replicas() {
        return pools.replicas();
    }

    /** Returns a connection to the primary that records the token after a write commits. */
    public Connection primaryConnection() throws SQLException {
        return WriteTracker.watch(pools.primary().getConnection());
    }

    /**
     * Returns a connection for a read-only session: a healthy replica that has replayed the
     * thread's token (when it holds one), else the primary.
     */
    public Connection readOnlyConnection() throws SQLException {
        List<Replica> replicas = pools.replicas();
        int count = replicas.size();
        if (count > 0) {
            Lsn token = bounded(Tokens.current());
            long deadline = System.nanoTime() + waitTimeout.toNanos();
            int start = Math.floorMod(next.getAndIncrement(), count);
            for (int k = 0; k < count; k++) {
                Replica replica = replicas.get((start + k) % count);
                Connection c = caughtUp(replica, token, deadline);
                if (c != null) {
                    try {
                        return ConflictRetry.wrap(c, pools.primary()::getConnection);
                    } catch (SQLException e) {
                        closeQuietly(c);
                        throw e;
                    }
                }
            }
        }
        return pools.primary().getConnection();
    }

    /** Records that the primary was seen at {@code position}. */
    private void primaryAt(Lsn position) {
        primarySeen.accumulateAndGet(
                position, (held, seen) -> held == null || seen.reached(held) ? seen : held);
    }

    /**
     * Returns {@code token}, or the primary's current position when the token is beyond it: no
     * commit is past the primary's position, so a token that is (forged, or of another cluster)
     * would hold a replica connection for the whole {@code wait_timeout} for nothing. The primary
     * is asked only for a token newer than every position seen.
     */
    private Lsn bounded(Lsn token) throws SQLException {
        Lsn seen = primarySeen.get();
        if (token == null || (seen != null && seen.reached(token))) {
            return token;
        }
        Lsn current;
        try (Connection c = pools.primary().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(PRIMARY_POSITION)) {
            rs.next();
            current = Lsn.parse(rs.getString(1));
        }
        primaryAt(current);
        return current.reached(token) ? token : current;
    }

    /** Returns a connection to {@code replica} once it replayed {@code token}, or null. */
    private static Connection caughtUp(Replica replica, Lsn token, long deadline) {
        Replica.Health health = replica.health();
        if (!health.healthy() || !replica.serves()) {
            return null;
        }
        Connection c;
        try {
            c = replica.dataSource().getConnection();
        } catch (SQLException e) {
            replica.health(Replica.Health.down("unreachable: " + e.getMessage()));
            return null;
        }
        if (token == null || (health.replayed() != null && health.replayed().reached(token))) {
            return c;
        }
        try (Statement s = c.createStatement()) {
            long pause = 2;
            while (true) {
                try (ResultSet rs = s.executeQuery(REPLAYED)) {
                    rs.next();
                    String replayed = rs.getString(1);
                    if (replayed != null && Lsn.parse(replayed).reached(token)) {
                        return c;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Thread.sleep(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                pause = Math.min(pause * 2, 50);
            }
        } catch (SQLException e) {
            replica.health(Replica.Health.down("failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(c);
        return null;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // The connection is given up either way.
        }
    }

    /** Stops the health check and closes the pools this router made. */
    @Override
    public void close() {
        if (checker != null) {
            // A check under way finishes first, so it does not meet closed pools halfway.
            checker.shutdown();
            try {
                checker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pools.close();
    }
}
