package dev.pgorm.testing;

import dev.pgorm.testing.internal.PgServer;
import dev.pgorm.testing.internal.ServerLocator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;

/**
 * Finds the streaming replica and the PgBouncer that {@code scripts/scale-out-db.sh} runs beside
 * the test server, and says why when one is missing: skipped when the run declared it absent
 * ({@code PGORM_TEST_ABSENT=replica,pgbouncer}), else like any missing capability.
 */
public final class ScaleOutServers {

    private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:postgresql://)([^/]+)(/.*)$");

    private ScaleOutServers() {}

    /** Returns {@code url} with its host and port replaced by {@code hostPort}. */
    static String onHost(String url, String hostPort) {
        Matcher m = HOST_PORT.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a single-host PostgreSQL JDBC URL: " + url);
        }
        return m.group(1) + hostPort + m.group(3);
    }

    /**
     * Returns the replica's URL for the same database after checking it is a streaming standby;
     * used by tests that have no {@link PgTestDatabase} (the Spring ITs). Without a replica it
     * fails like {@link PgTestDatabase#replicaUrl()}.
     *
     * @param url the database's URL on the test server
     * @param user the privileged user
     * @param password the user's password
     * @return the URL, with the replica's host and port
     */
    public static String replica(String url, String user, String password) {
        String hostPort = setting("PGORM_TEST_REPLICA", "localhost:5433");
        skipIfDeclaredAbsent("replica");
        String replicaUrl = onHost(url, hostPort);
        try (Connection c = PgServer.connect(replicaUrl, user, password);
                Connection primary = PgServer.connect(url, user, password)) {
            if (!PgCatalogValue.bool(c, "select pg_is_in_recovery()")) {
                missing("replica", hostPort + " is not in recovery, so it is no replica");
            }
            // A replica of another cluster (the 15 beside a 14 under test) is no replica of this.
            String id = "select system_identifier::text from pg_control_system()";
            if (!PgCatalogValue.text(c, id).equals(PgCatalogValue.text(primary, id))) {
                missing("replica", hostPort + " replicates another cluster than the test server");
            }
        } catch (SQLException e) {
            missing("replica", "no replica answers on " + hostPort + ": " + e.getMessage());
        }
        return replicaUrl;
    }

    /** Returns the URL of the same database through PgBouncer after checking it answers. */
    static String pgBouncer(String url, String user, String password) {
        String hostPort = setting("PGORM_TEST_PGBOUNCER", "localhost:6432");
        skipIfDeclaredAbsent("pgbouncer");
        String bouncerUrl = PgServer.withParameter(onHost(url, hostPort), "prepareThreshold", "0");
        try (Connection c = PgServer.connect(bouncerUrl, user, password)) {
            c.isValid(5);
        } catch (SQLException e) {
            missing("pgbouncer", "no PgBouncer answers on " + hostPort + ": " + e.getMessage());
        }
        return bouncerUrl;
    }

    /** Returns whether {@code check} finds its server, without failing or skipping. */
    static boolean answers(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalStateException | TestAbortedException e) {
            return false;
        }
    }

    /** Returns the password of the privileged user in PgBouncer's user list. */
    static String pgBouncerPassword() {
        return setting("PGORM_TEST_PGBOUNCER_PASSWORD", "postgres");
    }

    private static String setting(String name, String defaultValue) {
        String value = ServerLocator.setting(name);
        return value == null ? defaultValue : value;
    }

    /**
     * Skips at once when the run declared the server absent: another server may still answer on its
     * port (the replica of 15 while 14 is under test), but it is not this run's.
     */
    private static void skipIfDeclaredAbsent(String server) {
        if (ServerLocator.declaredAbsent(server)) {
            throw new TestAbortedException(
                    "Missing capability: the "
                            + server
                            + " server, declared absent by PGORM_TEST_ABSENT");
        }
    }

    /** One-value queries of the checks above. */
    private static final class PgCatalogValue {
        static boolean bool(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getBoolean(1);
            }
        }

        static String text(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void missing(String server, String why) {
        if (ServerLocator.declaredAbsent(server)) {
            throw new TestAbortedException(
                    "Missing capability: the "
                            + server
                            + " server, declared absent by PGORM_TEST_ABSENT ("
                            + why
                            + ")");
        }
        Capabilities.unavailable(why + "; scripts/scale-out-db.sh starts it");
    }
}
