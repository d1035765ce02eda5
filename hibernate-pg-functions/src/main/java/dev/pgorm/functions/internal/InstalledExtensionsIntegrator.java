package dev.pgorm.functions.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.functions.PgFunctions;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Reads the installed extensions once the session factory is built, after schema export has created
 * any: a connection is free then, whereas at a query's first rendering the application's threads
 * may hold every connection of the pool. Without this reading (the database was down at boot), the
 * first rendering reads the catalog instead.
 */
public final class InstalledExtensionsIntegrator implements Integrator {

    /** Creates the integrator; Hibernate does this through the service loader. */
    public InstalledExtensionsIntegrator() {}

    @Override
    public void integrate(
            Metadata metadata,
            BootstrapContext bootstrapContext,
            SessionFactoryImplementor factory) {
        if (!PgDialectGuard.isPostgreSQL(metadata.getDatabase().getDialect())
                || !PgSettingsReader.of(factory.getProperties()).isModuleEnabled("functions")) {
            return;
        }
        factory.addObserver(
                new SessionFactoryObserver() {
                    @Override
                    public void sessionFactoryCreated(SessionFactory created) {
                        prime((SessionFactoryImplementor) created);
                    }
                });
    }

    /** Every function of one boot shares its {@link InstalledExtensions}: any one leads to it. */
    private static void prime(SessionFactoryImplementor factory) {
        if (factory.getQueryEngine()
                        .getSqmFunctionRegistry()
                        .findFunctionDescriptor(PgFunctions.DIGEST)
                instanceof PgFunctionDescriptor descriptor) {
            descriptor.installed().prime(factory);
        }
    }
}
