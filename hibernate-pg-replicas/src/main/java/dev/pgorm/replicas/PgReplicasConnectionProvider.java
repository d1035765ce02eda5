package dev.pgorm.replicas;

import dev.pgorm.replicas.internal.ReplicaRouter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.spi.Configurable;
import org.hibernate.service.spi.Stoppable;

/**
 * A Hibernate {@code ConnectionProvider} that sends read-only sessions ({@code
 * sessionFactory.withOptions().readOnly(true)}) to streaming replicas and everything else to the
 * primary. Name it in {@code hibernate.connection.provider_class}; the primary is Hibernate's own
 * URL or data source, the replicas and the rest are {@link PgReplicasSettings}. A read-only session
 * gets a replica that is healthy, at most {@code max_lag} behind, and (when the thread carries a
 * {@link PgReplicas#token() token}) has replayed the thread's last write; otherwise the primary.
 *
 * @since 0.1
 */
public final class PgReplicasConnectionProvider
        implements ConnectionProvider, Configurable, Stoppable {

    private static final long serialVersionUID = 1L;

    private transient ReplicaRouter router;

    /** Creates the provider; Hibernate configures it before use. */
    public PgReplicasConnectionProvider() {}

    /** Reads the settings, builds the pools and runs the first health check. */
    @Override
    public void configure(Map<String, Object> settings) {
        router = ReplicaRouter.configure(settings);
    }

    /** Returns a connection to the primary, which records the token after a write. */
    @Override
    public Connection getConnection() throws SQLException {
        return router().primaryConnection();
    }

    /** Returns a connection to a replica that may serve this read, or to the primary. */
    @Override
    public Connection getReadOnlyConnection() throws SQLException {
        return router().readOnlyConnection();
    }

    /** Returns the connection to its pool. */
    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connection.close();
    }

    /** Returns the connection to its pool. */
    @Override
    public void closeReadOnlyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    /** Returns false: connections are held for a whole transaction. */
    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    /** Answers true for this provider's own type and for {@code DataSource} (the primary). */
    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this) || type == DataSource.class;
    }

    /** Returns this provider, or the primary's data source for {@code DataSource}. */
    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type == DataSource.class) {
            return type.cast(router().primary());
        }
        throw new IllegalArgumentException("PgReplicasConnectionProvider is no " + type.getName());
    }

    /** Stops the health check and closes the pools the provider made. */
    @Override
    public void stop() {
        if (router != null) {
            router.close();
            router = null;
        }
    }

    private ReplicaRouter router() {
        if (router == null) {
            throw new IllegalStateException(
                    "PgReplicasConnectionProvider is not configured, or was stopped");
        }
        return router;
    }
}
