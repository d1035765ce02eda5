package dev.pgorm.functions;

/**
 * Configuration properties of the functions module.
 *
 * @since 0.1
 */
public final class PgFunctionsSettings {

    /** Turns the functions module off ({@code true} by default): {@value}. */
    public static final String ENABLED = "pgorm.functions.enabled";

    private PgFunctionsSettings() {}
}
