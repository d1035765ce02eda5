package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.PgMigrationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/** The server where the planner creates its temporary databases and always drops them again. */
final class ScratchServer {

    private final String url;
    private final String user;
    private final String password;

    ScratchServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Creates {@code pgorm_migrate_<purpose>_<random>} from template0, after checking CREATEDB. */
    TempDatabase create(String purpose) {
        String name =
                "pgorm_migrate_"
                        + purpose
                        + "_"
                        + Integer.toHexString(
                                ThreadLocalRandom.current().nextInt(0x10000000, 0x7fffffff));
        long start = System.nanoTime();
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery(
                            "select rolcreatedb or rolsuper from pg_roles where rolname = current_user")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new PgMigrationException(
                            "the scratch user "
                                    + user
                                    + " lacks CREATEDB, which the planner needs for its temporary"
                                    + " databases: run ALTER ROLE "
                                    + PgIdentifiers.render(String.valueOf(user))
                                    + " CREATEDB, or name another scratch server");
                }
            }
            s.execute("CREATE DATABASE " + PgIdentifiers.quote(name) + " TEMPLATE template0");
        } catch (SQLException e) {
            throw new PgMigrationException(
                    "cannot create temporary database " + name + ": " + e.getMessage(), e);
        } finally {
            PlanTimings.tempDatabase(System.nanoTime() - start, name);
        }
        return new TempDatabase(this, name, withDatabase(url, name));
    }

    void drop(String name) {
        long start = System.nanoTime();
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + PgIdentifiers.quote(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new PgMigrationException(
                    "cannot drop temporary database " + name + ": " + e.getMessage(), e);
        } finally {
            PlanTimings.tempDatabase(System.nanoTime() - start, null);
        }
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        return connect(jdbcUrl, user, password);
    }

    /**
     * Opens a connection with optional credentials: the one way the planner connects, to the
     * scratch server, its temporary databases and the live database.
     */
    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** Returns {@code url} with its database replaced, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        if (!url.startsWith("jdbc:postgresql:") || hosts < 0) {
            throw new PgMigrationException("not a PostgreSQL JDBC URL: " + url);
        }
        int slash = url.indexOf('/', hosts + 2);
        int query = url.indexOf('?', hosts + 2);
        String params = query < 0 ? "" : url.substring(query);
        int hostEnd =
                slash >= 0 && (query < 0 || slash < query)
                        ? slash
                        : (query < 0 ? url.length() : query);
        return url.substring(0, hostEnd) + "/" + database + params;
    }
}
