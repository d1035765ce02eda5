package dev.pgorm.ddl;

/**
 * Configuration properties of the DDL module.
 *
 * @since 0.1
 */
public final class PgDdlSettings {

    /** Turns the DDL module off ({@code true} by default): {@value}. */
    public static final String ENABLED = "pgorm.ddl.enabled";

    /**
     * Creates indexes with {@code CREATE INDEX CONCURRENTLY} ({@code false} by default): {@value}.
     *
     * <p>Meant for migration scripts run against a live database: a concurrent build does not block
     * writes, but cannot run inside a transaction block, so run such a script with auto-commit
     * (psql's default).
     */
    public static final String INDEX_CONCURRENTLY = "pgorm.ddl.index_concurrently";

    /**
     * Checks at schema creation and update that every extension the entities need is installed or
     * available on the server, and fails naming the extension and the entity when it is not ({@code
     * true} by default): {@value}.
     */
    public static final String CHECK_EXTENSIONS = "pgorm.ddl.check_extensions";

    /**
     * Makes Hibernate's named PostgreSQL enum types safe for {@code hbm2ddl.auto=update}: created
     * when missing, new constants added, never dropped while a column uses them ({@code true} by
     * default): {@value}.
     */
    public static final String SAFE_ENUM_TYPES = "pgorm.ddl.safe_enum_types";

    private PgDdlSettings() {}
}
