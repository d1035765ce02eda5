package dev.pgorm.ddl.trigger;

/**
 * What a {@link PgFunction} promises about its results, which the planner relies on.
 *
 * @since 0.1
 */
public enum Volatility {
    /** May return different results within one statement or change the database (the default). */
    VOLATILE,
    /** Returns the same result for the same arguments within one statement. */
    STABLE,
    /** Always returns the same result for the same arguments; usable in indexes. */
    IMMUTABLE
}
