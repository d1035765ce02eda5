package dev.pgorm.replicas.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Measures each replica's health and lag, on a background thread every {@code check_interval}:
 * statements never wait for it. A replica is healthy when it answers, is in recovery, and is at
 * most {@code max_lag} behind. Lag is read off the WAL positions alone, so clocks and idle
 * primaries do not distort it: each check samples the primary's position, and a replica that has
 * not replayed position P lags by the time since the first sample that saw the primary past P.
 *
 * <p>Without a sample of the primary for more than {@value #STALE_INTERVALS} intervals the lag is
 * unknown and replicas are left out; a finding counts for {@value #STALE_INTERVALS} intervals only,
 * so a check thread that blocks does not keep replicas in reads; and the check's connections give
 * up after twice the interval ({@code setNetworkTimeout}).
 */
final class HealthCheck {

    private static final System.Logger LOG = System.getLogger("dev.pgorm.replicas");

    private static final String PRIMARY_POSITION =
            """
            select pg_current_wal_lsn()::text""";

    private static final String REPLICA_STATE =
            """
            select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text""";

    /** How many intervals a finding, or the last sample of the primary, stays good for. */
    static final int STALE_INTERVALS = 3;

    /** When a check first saw the primary at a position. */
    private record Sample(long nanos, Lsn position) {}

    private final DataSource primary;
    private final List<Replica> replicas;
    private final Duration maxLag;
    private final long keepNanos;
    private final long staleNanos;
    private final int networkTimeoutMillis;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final Consumer<Lsn> primaryPositions;
    private long lastPrimaryNanos;
    private boolean primarySeen;

    HealthCheck(DataSource primary, List<Replica> replicas, Duration maxLag, Duration interval) {
        this(primary, replicas, maxLag, interval, position -> {});
    }

    /** As above, telling {@code primaryPositions} each position the primary is seen at. */
    HealthCheck(
            DataSource primary,
            List<Replica> replicas,
            Duration maxLag,
            Duration interval,
            Consumer<Lsn> primaryPositions) {
        this.primaryPositions = primaryPositions;
        this.primary = primary;
        this.replicas = replicas;
        this.maxLag = maxLag;
        this.keepNanos = maxLag.plus(interval.multipliedBy(2)).toNanos();
        this.staleNanos = interval.multipliedBy(STALE_INTERVALS).toNanos();
        this.networkTimeoutMillis =
                (int) Math.min(Integer.MAX_VALUE, Math.max(1000, interval.toMillis() * 2));
    }

    /** Checks every replica once. */
    synchronized void run() {
        long now = System.nanoTime();
        Lsn primaryPosition = primaryPosition();
        if (primaryPosition != null) {
            lastPrimaryNanos = now;
            primarySeen = true;
            primaryPositions.accept(primaryPosition);
        }
        if (primaryPosition != null
                && (samples.isEmpty() || !samples.peekLast().position().equals(primaryPosition))) {
            samples.addLast(new Sample(now, primaryPosition));
        }
        while (samples.size() > 1 && now - samples.peekFirst().nanos() > keepNanos) {
            samples.removeFirst();
        }
        for (Replica replica : replicas) {
            Replica.Health before = replica.health();
            boolean primaryRecent = primarySeen && now - lastPrimaryNanos <= staleNanos;
            Replica.Health after = check(replica, primaryRecent, now);
            replica.health(after, now + staleNanos);
            boolean first = before.replayed() == null && before.lag() == null && !before.healthy();
            if (before.healthy() != after.healthy() && !(first && after.healthy())) {
                LOG.log(
                        after.healthy() ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                        "Replica "
                                + replica.name()
                                + (after.healthy()
                                        ? " serves reads again"
                                        : " left out of reads: " + after.problem()));
            }
        }
    }

    private Lsn primaryPosition() {
        try (Connection c = timed(primary.getConnection());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(PRIMARY_POSITION)) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        } catch (SQLException | RuntimeException e) {
            // With the primary away, lag is judged against the samples held, for a few intervals.
            return null;
        }
    }

    /** Returns {@code c} with reads that give up after twice the interval. */
    private Connection timed(Connection c) throws SQLException {
        try {
            c.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * Checks one replica; with {@code primaryRecent} false, no sample of the primary is recent
     * enough to judge its lag, and a replica in recovery is left out as lagging by an unknown time.
     */
    private Replica.Health check(Replica replica, boolean primaryRecent, long now) {
        try (Connection c = timed(replica.dataSource().getConnection());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(REPLICA_STATE)) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Replica.Health.down("not in recovery (a primary, or promoted)");
            }
            Lsn replayed = Lsn.parse(rs.getString(2));
            if (!primaryRecent) {
                return new Replica.Health(
                        false, replayed, null, "lag unknown: the primary does not answer");
            }
            // Against the samples held: the primary may have moved since the last one.
            Duration lag = lag(replayed, now);
            if (lag.compareTo(maxLag) > 0) {
                return new Replica.Health(
                        false, replayed, lag, "lags " + lag + ", more than max_lag " + maxLag);
            }
            return new Replica.Health(true, replayed, lag, null);
        } catch (SQLException | RuntimeException e) {
            return Replica.Health.down("unreachable: " + e.getMessage());
        }
    }

    /** Time since the first sample that saw the primary past {@code replayed}; zero if none. */
    private Duration lag(Lsn replayed, long now) {
        for (Sample sample : samples) {
            if (!replayed.reached(sample.position())) {
                return Duration.ofNanos(now - sample.nanos());
            }
        }
        return Duration.ZERO;
    }
}
