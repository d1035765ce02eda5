package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import java.sql.Connection;
import java.sql.SQLException;

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
            return ScratchServer.connect(url, server.user(), server.password());
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
