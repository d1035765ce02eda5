package dev.pgorm.rls.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.ddl.spi.EntityAnnotations;
import dev.pgorm.rls.PgRlsSettings;
import dev.pgorm.rls.RlsDeploymentCheck;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;

/**
 * Tells the connection wrapper which tables have row-level security, and runs the deployment check
 * once the session factory is up.
 */
public final class RlsIntegrator implements Integrator {

    private static final System.Logger LOG = System.getLogger("dev.pgorm.rls");

    /** Creates the integrator; Hibernate does this through the service loader. */
    public RlsIntegrator() {}

    @Override
    public void integrate(
            Metadata metadata,
            BootstrapContext bootstrapContext,
            SessionFactoryImplementor factory) {
        if (!PgDialectGuard.isPostgreSQL(metadata.getDatabase().getDialect())) {
            return;
        }
        ConnectionProvider provider =
                factory.getServiceRegistry().getService(ConnectionProvider.class);
        if (provider == null || !provider.isUnwrappableAs(RlsConnectionProvider.class)) {
            return;
        }
        List<String> tables = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getMappedClass() != null
                    && EntityAnnotations.declares(
                            entity.getMappedClass(), RowLevelSecurity.class)) {
                // The bare name: the check matches it plain, quoted and schema-qualified.
                tables.add(entity.getTable().getName());
            }
        }
        provider.unwrap(RlsConnectionProvider.class).source().protectTables(tables);
        if (!tables.isEmpty()
                && PgSettingsReader.of(factory.getProperties())
                        .getBoolean(PgRlsSettings.CHECK_AT_BOOT, true)) {
            // The metamodel the check reads exists once the factory is built.
            factory.addObserver(
                    new SessionFactoryObserver() {
                        private static final long serialVersionUID = 1L;

                        @Override
                        public void sessionFactoryCreated(SessionFactory created) {
                            try {
                                for (String warning : RlsDeploymentCheck.check(created)) {
                                    LOG.log(System.Logger.Level.WARNING, "PG-ORM: " + warning);
                                }
                            } catch (RuntimeException e) {
                                LOG.log(
                                        System.Logger.Level.WARNING,
                                        "PG-ORM could not check the row-level security deployment: "
                                                + e.getMessage());
                            }
                        }
                    });
        }
    }
}
