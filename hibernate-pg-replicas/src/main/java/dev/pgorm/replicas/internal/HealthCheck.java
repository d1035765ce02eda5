package dev.pgorm.replicas.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.sql.DataSource;

/**
 * Measures each replica's health and lag, on a background thread every {@code check_interval}:
 * statements never wait for it. A replica is healthy when it answers, is in recovery, and is at
 * most {@code max_lag} behind. Lag is read off the WAL positions alone, so clocks and idle
 * primaries do not distort it: each check samples the primary's position, and a replica that has
 * not replayed position P lags by the time since the first sample that saw the primary past P.
 */
final class HealthCheck {

    private static final System.Logger LOG = System.getLogger("dev.pgorm.replicas");

    private static final String PRIMARY_POSITION =
            """
            select pg_current_wal_lsn()::text""";

    private static final String REPLICA_STATE =
            """
            select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text""";

    /** When a check first saw the primary at a position. */
    private record Sample(long nanos, Lsn position) {}

    private final DataSource primary;
    private final List<Replica> replicas;
    private final Duration maxLag;
    private final long keepNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    HealthCheck(DataSource primary, List<Replica> replicas, Duration maxLag, Duration interval) {
        this.primary = primary;
        this.replicas = replicas;
        this.maxLag = maxLag;
        this.keepNanos = maxLag.plus(interval.multipliedBy(2)).toNanos();
    }

    /** Checks every replica once. */
    synchronized void run() {
        long now = System.nanoTime();
        Lsn primaryPosition = primaryPosition();
        if (primaryPosition != null
                && (samples.isEmpty() || !samples.peekLast().position().equals(primaryPosition))) {
            samples.addLast(new Sample(now, primaryPosition));
        }
        while (samples.size() > 1 && now - samples.peekFirst().nanos() > keepNanos) {
            samples.removeFirst();
        }
        for (Replica replica : replicas) {
            Replica.Health before = replica.health();
            Replica.Health after = check(replica, primaryPosition != null, now);
            replica.health(after);
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
        try (Connection c = primary.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(PRIMARY_POSITION)) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        } catch (SQLException | RuntimeException e) {
            // With the primary away, lag cannot be judged; replicas in recovery keep serving.
            return null;
        }
    }

    private Replica.Health check(Replica replica, boolean primaryKnown, long now) {
        try (Connection c = replica.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(REPLICA_STATE)) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Replica.Health.down("not in recovery (a primary, or promoted)");
            }
            Lsn replayed = Lsn.parse(rs.getString(2));
            Duration lag = primaryKnown ? lag(replayed, now) : null;
            if (lag != null && lag.compareTo(maxLag) > 0) {
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
