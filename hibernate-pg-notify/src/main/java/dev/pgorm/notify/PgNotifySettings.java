package dev.pgorm.notify;

/**
 * Configuration properties of the notify module.
 *
 * @since 0.1
 */
public final class PgNotifySettings {

    /**
     * Switches entity change events ({@link NotifyOnChange}) on ({@code true}, the default) or off
     * ({@code false}); {@link PgNotify} and {@link PgListener} work either way: {@value}.
     */
    public static final String ENABLED = "pgorm.notify.enabled";

    private PgNotifySettings() {}
}
