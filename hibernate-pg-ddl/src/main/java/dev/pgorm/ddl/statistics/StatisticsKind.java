package dev.pgorm.ddl.statistics;

import java.util.Locale;

/**
 * What {@link PgStatistics} computes; PostgreSQL's names.
 *
 * @since 0.2
 */
public enum StatisticsKind {
    /** Distinct counts of column combinations: better estimates for {@code GROUP BY a, b}. */
    NDISTINCT,
    /** Functional dependencies between columns: better estimates for {@code a = ? and b = ?}. */
    DEPENDENCIES,
    /** Most common combinations of values: estimates for skewed, correlated data. */
    MCV;

    /**
     * Returns the kind as {@code CREATE STATISTICS} writes it.
     *
     * @return the lower-case name, for example {@code ndistinct}
     */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }
}
