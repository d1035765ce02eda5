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
 * ({@code PGORM_TEST_ABSENT=replica,pgbouncer}), else like any missing capability. A test class
 * gets the one for its database from {@link PgTestDatabase#scaleOut()}.
 *
 * @since 0.1
 */
public final class ScaleOutServers {

    private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:postgresql://)([^/]+)(/.*)$");

    private final String url;
    private final String user;
    private final String password;
    private final PgTest.Isolation isolation;

    ScaleOutServers(String url, String user, String password, PgTest.Isolation isolation) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.isolation = isolation;
    }

    /**
     * Returns the JDBC URL of this class's database on the streaming replica that {@code
     * scripts/scale-out-db.sh} runs on port 5433 ({@code PGORM_TEST_REPLICA} gives another {@code
     * host:port}), for the privileged user. Without a replica the test fails in CI, and is skipped
     * where the run declared {@code replica} absent with {@code PGORM_TEST_ABSENT}.
     *
     * @return the URL, with the same database and search path as {@link PgTestDatabase#jdbcUrl()}
     * @since 0.1
     */
    public String replicaUrl() {
        return replica(url, user, password);
    }

    /**
     * Returns the JDBC URL of this class's database through the PgBouncer that {@code
     * scripts/scale-out-db.sh} runs on port 6432 in transaction mode ({@code PGORM_TEST_PGBOUNCER}
     * gives another {@code host:port}), with {@code prepareThreshold=0}; connect as {@link
     * PgTestDatabase#user()} with {@link #pgBouncerPassword()}. PgBouncer refuses the search path
     * as a startup parameter, so it needs {@code @PgTest(isolation = DATABASE)}. Without PgBouncer
     * the test fails in CI, and is skipped where the run declared {@code pgbouncer} absent with
     * {@code PGORM_TEST_ABSENT}.
     *
     * @return the URL
     * @since 0.1
     */
    public String pgBouncerUrl() {
        if (isolation != PgTest.Isolation.DATABASE) {
            throw new IllegalStateException(
                    "pgBouncerUrl() needs @PgTest(isolation = DATABASE): PgBouncer refuses the"
                            + " search path as a startup parameter");
        }
        return pgBouncer(url, user, pgBouncerPassword());
    }

    /**
     * Returns whether the replica answers, for a fixture in {@code @BeforeAll}: where it returns
     * false, the fixture is left out and each test calls {@link #replicaUrl()} in
     * {@code @BeforeEach}, so that each test is skipped (or fails) by name.
     *
     * @return true when {@link #replicaUrl()} finds the replica
     * @since 0.1
     */
    public boolean hasReplica() {
        return answers(this::replicaUrl);
    }

    /**
     * Returns whether PgBouncer answers; used like {@link #hasReplica()}.
     *
     * @return true when {@link #pgBouncerUrl()} finds PgBouncer
     * @since 0.1
     */
    public boolean hasPgBouncer() {
        return answers(this::pgBouncerUrl);
    }

    /**
     * Returns the password of the privileged user in PgBouncer's user list ({@code postgres}, or
     * {@code PGORM_TEST_PGBOUNCER_PASSWORD}).
     *
     * @return the password
     * @since 0.1
     */
    public String pgBouncerPassword() {
        return setting("PGORM_TEST_PGBOUNCER_PASSWORD", "postgres");
    }

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
     * fails like {@link #replicaUrl()}.
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
    private static String pgBouncer(String url, String user, String password) {
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
    private static boolean answers(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalStateException | TestAbortedException e) {
            return false;
        }
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
