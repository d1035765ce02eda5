package dev.pgorm.core;

/**
 * Configuration properties read by every PG-ORM module.
 *
 * <p>Each module adds its own switch named {@code pgorm.<module>.enabled}; all of them default to
 * {@code true}, and {@link #ENABLED} turns every module off at once.
 *
 * @since 0.1
 */
public final class PgOrmSettings {

    /** Common prefix of every PG-ORM configuration property: {@value}. */
    public static final String PREFIX = "pgorm.";

    /**
     * Turns all PG-ORM contributors on or off at once ({@code true} by default): {@value}.
     *
     * <p>A module's own switch, such as {@code pgorm.types.enabled}, can only turn that module off
     * when this one is on.
     */
    public static final String ENABLED = "pgorm.enabled";

    /**
     * Says that the application's JDBC URL points at PgBouncer in transaction mode ({@code true})
     * or not ({@code false}); unset, PG-ORM asks the server at boot: {@value}.
     *
     * <p>When it is PgBouncer, a boot check warns unless the URL has {@code prepareThreshold=0},
     * {@link PgAdvisoryLocks#withSessionLock} refuses its connections, and a {@code PgListener}
     * refuses that URL: session locks and LISTEN need a connection of their own.
     */
    public static final String PGBOUNCER = "pgorm.pgbouncer";

    private PgOrmSettings() {}

    /**
     * Returns the name of the off switch of the given module, for example {@code
     * pgorm.types.enabled} for {@code types}.
     *
     * @param module the module's short name, as in {@code hibernate-pg-<module>}
     * @return the property name
     */
    public static String enabledSwitch(String module) {
        return PREFIX + module + ".enabled";
    }
}
