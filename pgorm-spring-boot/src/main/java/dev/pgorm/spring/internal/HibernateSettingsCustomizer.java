package dev.pgorm.spring.internal;

import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.core.PgOrmSettings;
import dev.pgorm.ddl.PgDdlSettings;
import dev.pgorm.functions.PgFunctionsSettings;
import dev.pgorm.notify.PgNotifySettings;
import dev.pgorm.rls.PgRlsSettings;
import dev.pgorm.spring.PgOrmProperties;
import dev.pgorm.spring.PgRlsProperties;
import dev.pgorm.types.PgTypesSettings;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Hands the {@code pgorm.*} properties of {@code application.yml}, the single tenant resolver and
 * the single {@code RlsContextProvider} bean to Hibernate, each only when {@code
 * spring.jpa.properties} does not set the same key. The settings classes' keys are compile-time
 * constants, so a module that is not on the classpath costs nothing here.
 */
final class HibernateSettingsCustomizer implements HibernatePropertiesCustomizer {

    private final PgOrmProperties properties;
    private final PgRlsProperties rls;
    private final CurrentTenantIdentifierResolver<?> tenantResolver;
    private final Object rlsContextProvider;

    HibernateSettingsCustomizer(
            PgOrmProperties properties,
            PgRlsProperties rls,
            CurrentTenantIdentifierResolver<?> tenantResolver,
            Object rlsContextProvider) {
        this.properties = properties;
        this.rls = rls;
        this.tenantResolver = tenantResolver;
        this.rlsContextProvider = rlsContextProvider;
    }

    @Override
    public void customize(Map<String, Object> settings) {
        PgOrmProperties p = properties;
        put(settings, PgOrmSettings.ENABLED, p.getEnabled());
        put(settings, PgTypesSettings.ENABLED, p.getTypes().getEnabled());
        put(settings, PgTypesSettings.JSON_LEAN, p.getTypes().getJsonLean());
        put(settings, PgTypesSettings.VECTOR_BINARY, p.getTypes().getVectorBinary());
        put(settings, PgFunctionsSettings.ENABLED, p.getFunctions().getEnabled());
        put(settings, PgDdlSettings.ENABLED, p.getDdl().getEnabled());
        put(settings, PgDdlSettings.INDEX_CONCURRENTLY, p.getDdl().getIndexConcurrently());
        put(settings, PgDdlSettings.CHECK_EXTENSIONS, p.getDdl().getCheckExtensions());
        put(settings, PgDdlSettings.SAFE_ENUM_TYPES, p.getDdl().getSafeEnumTypes());
        put(settings, PgNotifySettings.ENABLED, p.getNotify().getEnabled());
        put(settings, PgBulkSettings.ENABLED, p.getBulk().getEnabled());
        put(settings, PgBulkSettings.COPY_THRESHOLD, p.getBulk().getCopyThreshold());
        put(settings, PgRlsSettings.ENABLED, rls.getEnabled());
        put(settings, PgRlsSettings.REQUIRED, rls.getRequired());
        put(settings, PgRlsSettings.TENANT_SETTING, rls.getTenantSetting());
        put(settings, PgRlsSettings.CHECK_AT_BOOT, rls.getCheckAtBoot());
        put(settings, PgRlsSettings.CONTEXT_PROVIDER, rlsContextProvider);
        put(settings, AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, tenantResolver);
    }

    private static void put(Map<String, Object> settings, String key, Object value) {
        if (value != null) {
            settings.putIfAbsent(key, value);
        }
    }
}
