package dev.pgorm.functions.internal;

import dev.pgorm.core.internal.PgCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * One row of {@code pg_extension}: where the extension's objects live, and whether that schema is
 * on the search path of the connection that read it.
 *
 * @param name the extension, for example {@code pgcrypto}
 * @param schema its schema ({@code extnamespace}), for example {@code public}
 * @param onSearchPath whether {@code current_schemas(true)} holds the schema
 */
record InstalledExtension(String name, String schema, boolean onSearchPath) {

    private static final String INSTALLED =
            """
            select e.extname, n.nspname, n.nspname = any (current_schemas(true))
              from pg_catalog.pg_extension e
              join pg_catalog.pg_namespace n on n.oid = e.extnamespace
             order by 1
            """;

    static InstalledExtension of(ResultSet row) throws SQLException {
        return new InstalledExtension(row.getString(1), row.getString(2), row.getBoolean(3));
    }

    /**
     * Reads the installed extensions through one of the factory's connections, which goes back to
     * the pool with its transaction (if the pool does not commit on its own) rolled back; returns
     * null with multi-tenancy, where each tenant may have a database of its own.
     */
    static Map<String, InstalledExtension> read(SessionFactoryImplementor factory)
            throws SQLException {
        if (factory.getSessionFactoryOptions().isMultiTenancyEnabled()) {
            return null;
        }
        JdbcConnectionAccess access = factory.getJdbcServices().getBootstrapJdbcConnectionAccess();
        Connection connection = access.obtainConnection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                Map<String, InstalledExtension> byName = new LinkedHashMap<>();
                for (InstalledExtension e :
                        PgCatalog.on(connection).list(INSTALLED, InstalledExtension::of)) {
                    byName.put(e.name(), e);
                }
                return byName;
            } finally {
                if (!autoCommit) {
                    connection.rollback();
                }
            }
        } finally {
            access.releaseConnection(connection);
        }
    }
}
