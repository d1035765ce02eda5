package dev.pgorm.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code pgorm.rls.*} properties of {@code application.yml}: the row-level security module's
 * Hibernate settings (a value under {@code spring.jpa.properties} wins) and the mapping of the
 * authenticated Spring Security user onto a setting.
 *
 * @since 0.1
 */
@ConfigurationProperties("pgorm.rls")
public class PgRlsProperties {

    /** Whether the row-level security module's Hibernate integration is on. */
    private Boolean enabled;

    /**
     * Returns {@code pgorm.rls.enabled}.
     *
     * @return the value, or null when not set
     */
    public Boolean getEnabled() {
        return enabled;
    }

    /**
     * Sets {@code pgorm.rls.enabled}.
     *
     * @param enabled the value
     */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether a statement on a protected table fails when no setting is in effect. */
    private Boolean required;

    /** The setting that carries Hibernate's current tenant identifier. */
    private String tenantSetting;

    /** Whether a role that bypasses row-level security is reported at boot. */
    private Boolean checkAtBoot;

    private final Security security = new Security();

    /** Creates the properties with nothing set. */
    public PgRlsProperties() {}

    /**
     * Returns {@code pgorm.rls.required}.
     *
     * @return the value, or null when not set
     */
    public Boolean getRequired() {
        return required;
    }

    /**
     * Sets {@code pgorm.rls.required}.
     *
     * @param required the value
     */
    public void setRequired(Boolean required) {
        this.required = required;
    }

    /**
     * Returns {@code pgorm.rls.tenant-setting}.
     *
     * @return the value, or null when not set
     */
    public String getTenantSetting() {
        return tenantSetting;
    }

    /**
     * Sets {@code pgorm.rls.tenant-setting}.
     *
     * @param tenantSetting a setting name with a prefix, such as {@code app.tenant_id}
     */
    public void setTenantSetting(String tenantSetting) {
        this.tenantSetting = tenantSetting;
    }

    /**
     * Returns {@code pgorm.rls.check-at-boot}.
     *
     * @return the value, or null when not set
     */
    public Boolean getCheckAtBoot() {
        return checkAtBoot;
    }

    /**
     * Sets {@code pgorm.rls.check-at-boot}.
     *
     * @param checkAtBoot the value
     */
    public void setCheckAtBoot(Boolean checkAtBoot) {
        this.checkAtBoot = checkAtBoot;
    }

    /**
     * Returns the Spring Security mapping.
     *
     * @return {@code pgorm.rls.security.*}
     */
    public Security getSecurity() {
        return security;
    }

    /** {@code pgorm.rls.security.*}: the authenticated user as a row-level security setting. */
    public static class Security {
        /**
         * The setting that receives the authenticated user, such as {@code app.user_name}; when
         * set, the security context's user is applied to every transaction.
         */
        private String setting;

        /** The JWT claim whose value is applied, instead of the principal's name. */
        private String claim;

        /** Creates the properties with nothing set. */
        public Security() {}

        /**
         * Returns {@code pgorm.rls.security.setting}.
         *
         * @return the setting name, or null when not set
         */
        public String getSetting() {
            return setting;
        }

        /**
         * Sets {@code pgorm.rls.security.setting}.
         *
         * @param setting a setting name with a prefix
         */
        public void setSetting(String setting) {
            this.setting = setting;
        }

        /**
         * Returns {@code pgorm.rls.security.claim}.
         *
         * @return the claim name, or null for the principal's name
         */
        public String getClaim() {
            return claim;
        }

        /**
         * Sets {@code pgorm.rls.security.claim}.
         *
         * @param claim the claim name
         */
        public void setClaim(String claim) {
            this.claim = claim;
        }
    }
}
