package dev.pgorm.rls;

/**
 * Configuration properties of the row-level security module.
 *
 * @since 0.1
 */
public final class PgRlsSettings {

    /** Turns the module off ({@code true} by default): {@value}. */
    public static final String ENABLED = "pgorm.rls.enabled";

    /**
     * An {@link RlsContextProvider}: an instance, a class, or a class name with a public
     * no-argument constructor: {@value}.
     */
    public static final String CONTEXT_PROVIDER = "pgorm.rls.context_provider";

    /**
     * Makes a statement on a table with row-level security fail when no setting is in effect,
     * instead of letting the policies match nothing ({@code false} by default): {@value}.
     */
    public static final String REQUIRED = "pgorm.rls.required";

    /**
     * The setting that carries Hibernate's current tenant identifier ({@code pgorm.tenant_id} by
     * default): {@value}.
     */
    public static final String TENANT_SETTING = "pgorm.rls.tenant_setting";

    /**
     * Logs a warning at boot when the connecting role bypasses row-level security ({@code true} by
     * default): {@value}.
     */
    public static final String CHECK_AT_BOOT = "pgorm.rls.check_at_boot";

    /** The default name of the tenant setting: {@value}. */
    public static final String DEFAULT_TENANT_SETTING = "pgorm.tenant_id";

    private PgRlsSettings() {}
}
