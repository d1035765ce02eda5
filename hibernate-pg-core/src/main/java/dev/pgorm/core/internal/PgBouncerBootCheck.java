package dev.pgorm.core.internal;

import dev.pgorm.core.PgOrmSettings;
import dev.pgorm.core.internal.reflect.DataSourceProperties;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * At boot, finds out whether the factory's JDBC URL is PgBouncer ({@code pgorm.pgbouncer}, or the
 * probe when the setting is absent and the URL still lets pgjdbc prepare on the server), records it
 * for the features that need a direct connection, and warns when the URL lacks {@code
 * prepareThreshold=0}.
 */
public final class PgBouncerBootCheck implements Integrator {

    private static final System.Logger LOG = System.getLogger("dev.pgorm.core");

    /** Hibernate's names from before Jakarta Persistence's, still accepted. */
    private static final String LEGACY_DATASOURCE = "hibernate.connection.datasource";

    private static final String LEGACY_URL = "hibernate.connection.url";
    private static final String LEGACY_USER = "hibernate.connection.username";
    private static final String LEGACY_PASS = "hibernate.connection.password";

    /** Creates the check; Hibernate does this through the service loader. */
    public PgBouncerBootCheck() {}

    @Override
    public void integrate(
            Metadata metadata,
            BootstrapContext bootstrapContext,
            SessionFactoryImplementor factory) {
        Map<String, Object> settings = factory.getProperties();
        PgSettingsReader reader = PgSettingsReader.of(settings);
        if (!PgDialectGuard.isPostgreSQL(metadata.getDatabase().getDialect())
                || !reader.getBoolean(PgOrmSettings.ENABLED, true)) {
            return;
        }
        DataSourceProperties target = target(settings);
        if (target == null || target.url() == null) {
            return;
        }
        String declared = reader.getString(PgOrmSettings.PGBOUNCER, null);
        boolean pgBouncer =
                declared != null
                        ? reader.getBoolean(PgOrmSettings.PGBOUNCER, false)
                        : PgBouncerProbe.preparesOnServer(target.url())
                                && PgBouncerProbe.isPgBouncer(
                                        target.url(), target.user(), target.password());
        if (!pgBouncer) {
            return;
        }
        PgBouncerProbe.declare(target.url());
        if (PgBouncerProbe.preparesOnServer(target.url())) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "PG-ORM: "
                            + target.url()
                            + " is PgBouncer ("
                            + (declared != null ? PgOrmSettings.PGBOUNCER + "=true" : "it answered")
                            + ") but the URL lets pgjdbc prepare statements on the server: add"
                            + " prepareThreshold=0 to it. In transaction mode PgBouncer hands each"
                            + " transaction another server connection, where the prepared"
                            + " statement does not exist");
        }
    }

    private static DataSourceProperties target(Map<String, Object> settings) {
        for (String key :
                new String[] {AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, LEGACY_DATASOURCE}) {
            if (settings.get(key) instanceof DataSource ds) {
                return DataSourceProperties.of(ds);
            }
        }
        for (String key : new String[] {AvailableSettings.JAKARTA_JDBC_URL, LEGACY_URL}) {
            Object url = settings.get(key);
            if (url instanceof String text && !text.isBlank()) {
                Object user =
                        settings.getOrDefault(
                                AvailableSettings.JAKARTA_JDBC_USER, settings.get(LEGACY_USER));
                Object password =
                        settings.getOrDefault(
                                AvailableSettings.JAKARTA_JDBC_PASSWORD, settings.get(LEGACY_PASS));
                return new DataSourceProperties(
                        text.trim(),
                        user == null ? null : user.toString(),
                        password == null ? null : password.toString());
            }
        }
        return null;
    }
}
