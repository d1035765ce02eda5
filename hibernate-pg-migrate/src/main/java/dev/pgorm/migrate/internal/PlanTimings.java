package dev.pgorm.migrate.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the last plan made on the current thread spent its time: the whole of {@code plan()} and
 * the part spent creating and dropping temporary databases, with their names. Not API: the
 * benchmarks read the times and the ITs the names (to check that exactly those were dropped, on a
 * server that other runs share) through {@link #last()}; the planner records it per thread.
 *
 * @param totalNanos the whole plan, from the first temporary database to the verified result
 * @param tempDatabaseNanos the time spent in {@code CREATE DATABASE} and {@code DROP DATABASE}
 * @param tempDatabases the names of the temporary databases created, in order
 */
public record PlanTimings(long totalNanos, long tempDatabaseNanos, List<String> tempDatabases) {

    private static final ThreadLocal<PlanTimings> LAST = new ThreadLocal<>();
    private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

    /** The plan being timed. */
    private static final class Running {
        final long start = System.nanoTime();
        long tempDatabaseNanos;
        final List<String> names = new ArrayList<>();
    }

    /**
     * Returns the timings of the last plan made on this thread, also one that failed.
     *
     * @return the timings, or null when this thread made no plan yet
     */
    public static PlanTimings last() {
        return LAST.get();
    }

    /** Starts timing a plan on this thread. */
    static void start() {
        RUNNING.set(new Running());
    }

    /** Adds the time of one temporary database's creation ({@code created} is its name) or drop. */
    static void tempDatabase(long nanos, String created) {
        Running running = RUNNING.get();
        if (running != null) {
            running.tempDatabaseNanos += nanos;
            if (created != null) {
                running.names.add(created);
            }
        }
    }

    /** Ends timing the plan on this thread. */
    static void finish() {
        Running running = RUNNING.get();
        if (running != null) {
            RUNNING.remove();
            LAST.set(
                    new PlanTimings(
                            System.nanoTime() - running.start,
                            running.tempDatabaseNanos,
                            List.copyOf(running.names)));
        }
    }
}
