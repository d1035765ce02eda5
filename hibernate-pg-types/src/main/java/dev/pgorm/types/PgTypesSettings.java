package dev.pgorm.types;

/**
 * Configuration properties of the types module.
 *
 * @since 0.1
 */
public final class PgTypesSettings {

    /** Turns the types module off ({@code true} by default): {@value}. */
    public static final String ENABLED = "pgorm.types.enabled";

    /**
     * Replaces Hibernate's serialize-and-parse snapshots of JSON attributes
     * ({@code @JdbcTypeCode(SqlTypes.JSON)}) with structural copies and comparisons ({@code true}
     * by default); {@code false} keeps Hibernate's own behaviour: {@value}.
     */
    public static final String JSON_LEAN = "pgorm.types.json-lean";

    private PgTypesSettings() {}
}
