package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A database on the scratch server that exists for one plan and is dropped when closed. */
final class TempDatabase implements AutoCloseable {

    private final ScratchServer server;
    private final String name;
    private final String url;

    TempDatabase(ScratchServer server, String name, String url) {
        this.server = server;
        this.name = name;
        this.url = url;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    String user() {
        return server.user();
    }

    String password() {
        return server.password();
    }

    Connection connect() {
        try {
            Properties props = new Properties();
            if (server.user() != null) {
                props.setProperty("user", server.user());
            }
            if (server.password() != null) {
                props.setProperty("password", server.password());
            }
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new PgMigrationException(
                    "cannot connect to temporary database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
