package dev.pgorm.spring.internal;

/**
 * Records {@code PgBulkRepository} calls; the bean exists when Micrometer does, so the repository
 * fragment never loads Micrometer's classes itself.
 */
public interface BulkMeters {

    /**
     * Records one bulk insert.
     *
     * @param rows the rows inserted
     * @param nanos how long the call took
     */
    void inserted(long rows, long nanos);
}
