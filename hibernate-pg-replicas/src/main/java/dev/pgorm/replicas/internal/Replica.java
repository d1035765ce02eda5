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

    void health(Health health) {
        this.health = health;
    }

    @Override
    public String toString() {
        return name + " " + health;
    }
}
