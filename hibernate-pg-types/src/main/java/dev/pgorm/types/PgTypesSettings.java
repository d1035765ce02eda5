package dev.pgorm.types;

/**
 * Configuration properties of the types module.
 *
 * @since 0.1
 */
public final class PgTypesSettings {

    /** Turns the types module off ({@code true} by default): {@value}. */
    public static final String ENABLED = "pgorm.types.enabled";

    private PgTypesSettings() {}
}
