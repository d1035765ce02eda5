package dev.pgorm.rls.internal;

import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.rls.PgRlsSettings;
import dev.pgorm.rls.RlsContextProvider;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.jdbc.connections.internal.ConnectionProviderInitiator;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Replaces Hibernate's connection provider initiator: it lets Hibernate's own initiator build the
 * provider, then wraps it in an {@link RlsConnectionProvider} unless {@code pgorm.rls.enabled} is
 * off. Registered as a {@link ServiceContributor}, which Hibernate applies after its standard
 * initiators.
 */
public final class RlsConnectionProviderInitiator
        implements StandardServiceInitiator<ConnectionProvider>, ServiceContributor {

    /** Creates the initiator; Hibernate does this through the service loader. */
    public RlsConnectionProviderInitiator() {}

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        builder.addInitiator(this);
    }

    @Override
    public Class<ConnectionProvider> getServiceInitiated() {
        return ConnectionProvider.class;
    }

    @Override
    public ConnectionProvider initiateService(
            Map<String, Object> configuration, ServiceRegistryImplementor registry) {
        ConnectionProvider provider =
                ConnectionProviderInitiator.INSTANCE.initiateService(configuration, registry);
        PgSettingsReader settings = PgSettingsReader.of(configuration);
        if (provider == null || !settings.isModuleEnabled("rls")) {
            return provider;
        }
        ClassLoaderService classes = registry.requireService(ClassLoaderService.class);
        RlsConnectionProvider wrapped = new RlsConnectionProvider(provider);
        wrapped.source(
                new SettingsSource(
                        instance(
                                configuration.get(PgRlsSettings.CONTEXT_PROVIDER),
                                RlsContextProvider.class,
                                classes),
                        tenant(
                                configuration.get(
                                        MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER),
                                classes),
                        settings.getString(
                                PgRlsSettings.TENANT_SETTING, PgRlsSettings.DEFAULT_TENANT_SETTING),
                        settings.getBoolean(PgRlsSettings.REQUIRED, false)));
        return wrapped;
    }

    private static Supplier<Object> tenant(Object setting, ClassLoaderService classes) {
        CurrentTenantIdentifierResolver<?> resolver =
                instance(setting, CurrentTenantIdentifierResolver.class, classes);
        return resolver == null ? null : resolver::resolveCurrentTenantIdentifier;
    }

    private static <T> T instance(Object setting, Class<T> type, ClassLoaderService classes) {
        if (setting == null || (setting instanceof String s && s.isBlank())) {
            return null;
        }
        if (type.isInstance(setting)) {
            return type.cast(setting);
        }
        Class<?> cls =
                setting instanceof Class<?> c ? c : classes.classForName(setting.toString().trim());
        if (!type.isAssignableFrom(cls)) {
            throw new IllegalArgumentException(setting + " is not a " + type.getName());
        }
        try {
            return type.cast(cls.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                    "cannot create "
                            + cls.getName()
                            + " (it needs a public no-argument constructor)",
                    e);
        }
    }
}
