package dev.pgorm.bulk;

/**
 * Told of every {@link PgBulk} call that completed, for metrics: register an instance (not a class
 * name) under {@link PgBulkSettings#OBSERVER} in the persistence unit's properties. It is called on
 * the caller's thread, inside the caller's transaction, which may still roll back.
 *
 * <pre>{@code
 * settings.put(PgBulkSettings.OBSERVER, (PgBulkObserver) (operation, rows, nanos) -> ...);
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PgBulkObserver {

    /**
     * Records one completed call.
     *
     * @param operation the call, such as {@code insert}
     * @param rows the rows it wrote
     * @param nanos how long it took, in nanoseconds
     */
    void completed(String operation, long rows, long nanos);

    /**
     * Records that a call wrote its rows by COPY, and in which format ({@link PgCopyFormat#BINARY}
     * or {@link PgCopyFormat#TEXT}, see {@link PgBulkSettings#COPY_FORMAT}); called before {@link
     * #completed}, not for calls that wrote INSERTs. Does nothing unless overridden.
     *
     * @param operation the call, such as {@code insert}
     * @param format the COPY format of all its rows
     * @param rows the rows it copied
     */
    default void copied(String operation, PgCopyFormat format, long rows) {}
}
