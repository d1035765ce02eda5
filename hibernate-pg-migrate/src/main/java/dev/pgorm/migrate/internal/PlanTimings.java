package dev.pgorm.migrate.internal;

/**
 * Where the last plan made on the current thread spent its time: the whole of {@code plan()} and
 * the part spent creating and dropping temporary databases. Not API: the benchmarks read it through
 * {@link #last()}; the planner records it, per thread, at no cost worth measuring.
 *
 * @param totalNanos the whole plan, from the first temporary database to the verified result
 * @param tempDatabaseNanos the time spent in {@code CREATE DATABASE} and {@code DROP DATABASE}
 * @param tempDatabases how many temporary databases were created
 */
public record PlanTimings(long totalNanos, long tempDatabaseNanos, int tempDatabases) {

    private static final ThreadLocal<PlanTimings> LAST = new ThreadLocal<>();
    private static final ThreadLocal<long[]> RUNNING = new ThreadLocal<>();

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
        RUNNING.set(new long[] {System.nanoTime(), 0, 0});
    }

    /** Adds the time of one temporary database's creation ({@code created}) or drop. */
    static void tempDatabase(long nanos, boolean created) {
        long[] running = RUNNING.get();
        if (running != null) {
            running[1] += nanos;
            running[2] += created ? 1 : 0;
        }
    }

    /** Ends timing the plan on this thread. */
    static void finish() {
        long[] running = RUNNING.get();
        if (running != null) {
            RUNNING.remove();
            LAST.set(new PlanTimings(System.nanoTime() - running[0], running[1], (int) running[2]));
        }
    }
}
