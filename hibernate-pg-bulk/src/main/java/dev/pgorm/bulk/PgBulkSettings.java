package dev.pgorm.bulk;

/**
 * Configuration properties of the bulk module.
 *
 * @since 0.1
 */
public final class PgBulkSettings {

    /**
     * Switches COPY on ({@code true}, the default) or off ({@code false}, or {@code
     * pgorm.enabled=false}): when off, {@link PgBulk#insert} writes every call with batched
     * INSERTs, and {@link PgBulk#upsert} and {@link PgBulk#update} fill their temporary table so,
     * with the same results, for connections where COPY is not available (some proxies and poolers)
     * or not wanted: {@value}.
     */
    public static final String ENABLED = "pgorm.bulk.enabled";

    /**
     * Below this many entities, {@link PgBulk#insert} uses batched INSERTs, which are quicker than
     * COPY for few rows (200 by default; 0 means always COPY where COPY can write the rows):
     * {@value}.
     */
    public static final String COPY_THRESHOLD = "pgorm.bulk.copy_threshold";

    /**
     * A {@link PgBulkObserver} instance (not a class name) told of every completed call, for
     * metrics; none by default: {@value}.
     */
    public static final String OBSERVER = "pgorm.bulk.observer";

    /**
     * The format of the COPY that {@link PgBulk#insert}, {@link PgBulk#upsert} and {@link
     * PgBulk#update} write: {@code binary} (the default) writes PostgreSQL's binary COPY format
     * when every column of the table has a type PG-ORM encodes, else text; {@code text} always
     * writes the text format, an off switch for binary COPY: {@value}.
     */
    public static final String COPY_FORMAT = "pgorm.bulk.copy_format";

    private PgBulkSettings() {}
}
