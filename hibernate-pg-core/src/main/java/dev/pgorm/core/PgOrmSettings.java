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
