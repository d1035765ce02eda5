package dev.pgorm.bench;

/**
 * One measured comparison: a baseline and PG-ORM's way of doing the same work, on the same data.
 * The ratio is the baseline's median time divided by ours: above 1 means ours is faster.
 */
public interface BenchmarkCase {

    /** Returns the case's name, for the table. */
    String name();

    /** Returns what the baseline does, for the table. */
    String baseline();

    /** Returns what PG-ORM does, for the table. */
    String ours();

    /** Returns the ratio the case must reach to pass; 0 for a reference case without a target. */
    double target();

    /**
     * Returns how many measured repetitions of each side this case runs; more, shorter repetitions
     * keep a case whose sides differ little stable on a busy machine.
     */
    default int repetitions() {
        return Benchmarks.REPETITIONS;
    }

    /** Creates tables and data. */
    void setUp(BenchEnv env) throws Exception;

    /** Prepares one repetition (not timed), for example emptying a table. */
    default void beforeEach() throws Exception {}

    /** Runs one repetition of the baseline. */
    void runBaseline() throws Exception;

    /** Runs one repetition of PG-ORM's way. */
    void runOurs() throws Exception;

    /** Returns extra findings for the notes under the table (percentiles, counts), or empty. */
    default String notes() {
        return "";
    }

    /** Releases what {@link #setUp} created. */
    default void tearDown() throws Exception {}
}
