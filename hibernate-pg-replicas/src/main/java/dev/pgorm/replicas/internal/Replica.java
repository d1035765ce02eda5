package dev.pgorm.replicas.internal;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * One replica as the router sees it: where its connections come from and what the last health check
 * found. The state is written by the health check (and by a failed connection attempt) and read by
 * every read-only session, so it lives in one immutable {@link Health} swapped whole.
 */
public final class Replica {

    /** What one health check found. */
    public record Health(boolean healthy, Lsn replayed, Duration lag, String problem) {

        static Health unknown() {
            return new Health(false, null, null, "not checked yet");
        }

        static Health down(String problem) {
            return new Health(false, null, null, problem);
        }
    }

    private final String name;
    private final DataSource dataSource;
    private volatile Health health = Health.unknown();
    private volatile long healthyUntil;

    Replica(String name, DataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** Returns the name that messages use: the URL, or the data source's description. */
    public String name() {
        return name;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Returns what the last check found. */
    public Health health() {
        return health;
    }

    /** Records a finding that holds until it is replaced (a failure). */
    void health(Health health) {
        health(health, System.nanoTime());
    }

    /**
     * Records a finding whose "healthy" holds until {@code System.nanoTime()} reaches {@code
     * healthyUntil}: a check that stops coming (a blocked check thread) does not keep a replica in
     * reads.
     */
    void health(Health health, long healthyUntil) {
        this.healthyUntil = healthyUntil;
        this.health = health;
    }

    /** Returns whether the last check found the replica healthy, and is recent enough to count. */
    boolean serves() {
        return health.healthy() && System.nanoTime() - healthyUntil < 0;
    }

    @Override
    public String toString() {
        return name + " " + health;
    }
}
