package dev.pgorm.rls.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.service.UnknownUnwrapTypeException;
import org.hibernate.service.spi.Configurable;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.Startable;
import org.hibernate.service.spi.Stoppable;

/**
 * Hibernate's connection provider, with each connection wrapped by {@link RlsConnections}. Every
 * lifecycle call goes to the provider Hibernate would have used.
 */
final class RlsConnectionProvider
        implements ConnectionProvider,
                Configurable,
                ServiceRegistryAwareService,
                Startable,
                Stoppable {

    private static final long serialVersionUID = 1L;

    private final ConnectionProvider delegate;
    private transient SettingsSource source;

    RlsConnectionProvider(ConnectionProvider delegate) {
        this.delegate = delegate;
    }

    /** Returns the settings source, to which the integrator adds the protected tables. */
    public SettingsSource source() {
        return source;
    }

    void source(SettingsSource source) {
        this.source = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = delegate.getConnection();
        return source == null ? c : RlsConnections.wrap(c, source);
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        delegate.closeConnection(RlsConnections.unwrapped(connection));
    }

    /** The delegate's read-only connection (a replica's, say), wrapped like the others. */
    @Override
    public Connection getReadOnlyConnection() throws SQLException {
        Connection c = delegate.getReadOnlyConnection();
        return source == null ? c : RlsConnections.wrap(c, source);
    }

    @Override
    public void closeReadOnlyConnection(Connection connection) throws SQLException {
        delegate.closeReadOnlyConnection(RlsConnections.unwrapped(connection));
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return delegate.supportsAggressiveRelease();
    }

    @Override
    public boolean handlesConnectionSchema() {
        return delegate.handlesConnectionSchema();
    }

    @Override
    public boolean handlesConnectionReadOnly() {
        return delegate.handlesConnectionReadOnly();
    }

    @Override
    public DatabaseConnectionInfo getDatabaseConnectionInfo(Dialect dialect) {
        return delegate.getDatabaseConnectionInfo(dialect);
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return unwrapType.isInstance(this) || delegate.isUnwrappableAs(unwrapType);
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        if (unwrapType.isInstance(this)) {
            return unwrapType.cast(this);
        }
        if (delegate.isUnwrappableAs(unwrapType)) {
            return delegate.unwrap(unwrapType);
        }
        throw new UnknownUnwrapTypeException(unwrapType);
    }

    @Override
    public void configure(Map<String, Object> configurationValues) {
        if (delegate instanceof Configurable configurable) {
            configurable.configure(configurationValues);
        }
    }

    @Override
    public void injectServices(ServiceRegistryImplementor serviceRegistry) {
        if (delegate instanceof ServiceRegistryAwareService aware) {
            aware.injectServices(serviceRegistry);
        }
    }

    @Override
    public void start() {
        if (delegate instanceof Startable startable) {
            startable.start();
        }
    }

    @Override
    public void stop() {
        if (delegate instanceof Stoppable stoppable) {
            stoppable.stop();
        }
    }
}
