package dev.pgorm.core.internal;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.service.ServiceRegistry;

/**
 * Tells a PG-ORM contributor whether Hibernate talks to PostgreSQL, so it can stay out of the way
 * on any other database.
 */
public final class PgDialectGuard {

    private PgDialectGuard() {}

    /**
     * Returns whether {@code dialect} is Hibernate's PostgreSQL dialect or a subclass of it.
     *
     * @param dialect the dialect, may be null
     * @return true for PostgreSQL
     */
    public static boolean isPostgreSQL(Dialect dialect) {
        return dialect instanceof PostgreSQLDialect;
    }

    /**
     * Returns whether the dialect of the given service registry is PostgreSQL; false when the
     * registry has no JDBC environment yet.
     *
     * @param serviceRegistry the registry handed to a contributor
     * @return true for PostgreSQL
     */
    public static boolean isPostgreSQL(ServiceRegistry serviceRegistry) {
        if (serviceRegistry == null) {
            return false;
        }
        JdbcEnvironment environment = serviceRegistry.getService(JdbcEnvironment.class);
        return environment != null && isPostgreSQL(environment.getDialect());
    }

    /**
     * Returns the PostgreSQL dialect, or fails naming the feature that needs it.
     *
     * @param dialect the dialect in use
     * @param feature the PG-ORM feature that was asked for, for the message
     * @return the dialect, as a {@link PostgreSQLDialect}
     * @throws IllegalStateException when the dialect is not PostgreSQL
     */
    public static PostgreSQLDialect requirePostgreSQL(Dialect dialect, String feature) {
        if (!isPostgreSQL(dialect)) {
            throw new IllegalStateException(
                    feature
                            + " needs PostgreSQL, but Hibernate uses "
                            + (dialect == null ? "no dialect" : dialect.getClass().getName())
                            + ": point hibernate.dialect (or the JDBC URL) at PostgreSQL");
        }
        return (PostgreSQLDialect) dialect;
    }
}
