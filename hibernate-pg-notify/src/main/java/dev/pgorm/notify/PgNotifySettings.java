package dev.pgorm.notify;

/**
 * Configuration properties of the notify module.
 *
 * @since 0.1
 */
public final class PgNotifySettings {

    /** Turns entity change events off ({@code true} by default): {@value}. */
    public static final String ENABLED = "pgorm.notify.enabled";

    private PgNotifySettings() {}
}
