package dev.pgorm.testing.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Finds the PostgreSQL server for the tests once per JVM, in the order documented in {@code
 * docs/testing.md}: {@code PGORM_TEST_URL}, then {@code localhost:5432}, then Testcontainers when
 * Docker is available; and makes sure the unprivileged application role exists.
 */
public final class ServerLocator {

    /** Name of the database the harness uses on a local server. */
    public static final String DEFAULT_DATABASE = "pgorm_test";

    private static final String LOCAL_URL = "jdbc:postgresql://localhost:5432/";

    private static PgServer server;
    private static RuntimeException failure;

    private ServerLocator() {}

    /**
     * Returns the server, finding it on first use.
     *
     * @throws IllegalStateException when there is none and a database is required (CI)
     * @throws TestAbortedException when there is none and the tests may be skipped
     */
    public static synchronized PgServer server() {
        if (server == null && failure == null) {
            try {
                server = prepare(locate());
            } catch (NoServerException e) {
                failure =
                        required()
                                ? new IllegalStateException(e.getMessage(), e.getCause())
                                : new TestAbortedException(
                                        e.getMessage()
                                                + " (skipping: set CI=true or"
                                                + " PGORM_TEST_REQUIRE=true to fail instead)");
            } catch (SQLException e) {
                failure =
                        new IllegalStateException(
                                "The test database was found but could not be prepared: "
                                        + e.getMessage(),
                                e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return server;
    }

    /** Returns whether a missing database must fail the run rather than skip it. */
    public static boolean required() {
        return "true".equalsIgnoreCase(setting("CI"))
                || "true".equalsIgnoreCase(setting("PGORM_TEST_REQUIRE"));
    }

    /**
     * Returns whether the run declared {@code name} absent, through {@code PGORM_TEST_ABSENT}
     * (comma- or space-separated names of extensions the server lacks, or {@code pg_dump} when the
     * machine's pg_dump is older than the server). Tests that need it are skipped even when a
     * database is required; anything else missing still fails. {@code scripts/test.sh --pg} sets it
     * for the servers of the version matrix.
     */
    public static boolean declaredAbsent(String name) {
        String absent = setting("PGORM_TEST_ABSENT");
        return absent != null && Arrays.asList(absent.split("[,\\s]+")).contains(name);
    }

    /** Reads a setting from the environment, or from a system property of the same name. */
    public static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static PgServer locate() throws NoServerException {
        String appUser = orDefault(setting("PGORM_TEST_APP_USER"), "pgorm_app");
        String appPassword = orDefault(setting("PGORM_TEST_APP_PASSWORD"), "pgorm_app");

        String url = setting("PGORM_TEST_URL");
        if (url != null) {
            String user = orDefault(setting("PGORM_TEST_USER"), "postgres");
            PgServer candidate =
                    new PgServer(
                            url,
                            user,
                            setting("PGORM_TEST_PASSWORD"),
                            appUser,
                            appPassword,
                            "PGORM_TEST_URL");
            try (Connection c = candidate.connect()) {
                c.isValid(5);
                return candidate;
            } catch (SQLException e) {
                throw new NoServerException(
                        "PGORM_TEST_URL is set to "
                                + url
                                + " but connecting as "
                                + user
                                + " failed: "
                                + e.getMessage(),
                        e);
            }
        }

        String localUser = orDefault(setting("PGORM_TEST_USER"), "postgres");
        String localPassword = setting("PGORM_TEST_PASSWORD");
        SQLException localError;
        try {
            ensureDatabase(LOCAL_URL, localUser, localPassword, DEFAULT_DATABASE);
            return new PgServer(
                    LOCAL_URL + DEFAULT_DATABASE,
                    localUser,
                    localPassword,
                    appUser,
                    appPassword,
                    "localhost:5432");
        } catch (SQLException e) {
            localError = e;
        }

        if (TestcontainersProbe.classesPresent() && TestcontainersProbe.dockerAvailable()) {
            return TestcontainersServer.start(appUser, appPassword);
        }
        throw new NoServerException(
                "No PostgreSQL for the tests: PGORM_TEST_URL is not set, localhost:5432 answered "
                        + localError.getMessage()
                        + ", and Testcontainers found no Docker. Run scripts/test-db.sh (Debian,"
                        + " as root) or set PGORM_TEST_URL; see docs/testing.md",
                localError);
    }

    private static void ensureDatabase(String serverUrl, String user, String password, String db)
            throws SQLException {
        try (Connection c = PgServer.connect(serverUrl + db, user, password)) {
            c.isValid(5);
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw e;
            }
        }
        try (Connection c = PgServer.connect(serverUrl + "postgres", user, password);
                Statement st = c.createStatement()) {
            st.execute("create database " + db);
        }
    }

    /**
     * Makes sure the application role exists and really is unprivileged, since a superuser or
     * BYPASSRLS role would make every RLS test pass for the wrong reason.
     */
    static PgServer prepare(PgServer found) throws SQLException {
        try (Connection c = found.connect()) {
            Optional<RoleFlags> flags =
                    PgCatalog.on(c).optional(ROLE_FLAGS, RoleFlags::of, found.appUser());
            if (flags.isEmpty()) {
                try (Statement st = c.createStatement()) {
                    st.execute(
                            "create role "
                                    + PgIdentifiers.quote(found.appUser())
                                    + " login nosuperuser nobypassrls nocreatedb nocreaterole"
                                    + " password "
                                    + literal(found.appPassword()));
                } catch (SQLException e) {
                    throw new SQLException(
                            "the application role "
                                    + found.appUser()
                                    + " does not exist and "
                                    + found.user()
                                    + " may not create it; create it (login, not superuser, not"
                                    + " BYPASSRLS) or set PGORM_TEST_APP_USER",
                            e);
                }
            } else if (flags.get().superuser() || flags.get().bypassRls()) {
                throw new SQLException(
                        "the application role "
                                + found.appUser()
                                + " is a superuser or has BYPASSRLS, so RLS tests would prove"
                                + " nothing: choose another role with PGORM_TEST_APP_USER");
            }
        }
        try (Connection c = found.connect();
                Statement st = c.createStatement()) {
            // In public, never in a per-class schema: dropping that schema must not take an
            // extension that other test classes use.
            for (String extension : SHARED_EXTENSIONS) {
                if (PgCatalog.on(c).bool(EXTENSION_AVAILABLE, extension)) {
                    try {
                        st.execute(
                                "create extension if not exists " + extension + " schema public");
                    } catch (SQLException e) {
                        // Not allowed for this user: tests that need it say so themselves.
                    }
                }
            }
        }
        return found;
    }

    /** Extensions the tests use, created once in {@code public} of the shared test database. */
    private static final List<String> SHARED_EXTENSIONS =
            List.of("vector", "postgis", "pg_trgm", "btree_gist", "hstore", "citext", "ltree");

    private static final String ROLE_FLAGS =
            """
            select rolsuper, rolbypassrls
              from pg_catalog.pg_roles
             where rolname = ?
            """;

    private static final String EXTENSION_AVAILABLE =
            """
            select exists (select 1 from pg_catalog.pg_available_extensions where name = ?)
            """;

    /** The privileges that would let a role bypass row-level security. */
    private record RoleFlags(boolean superuser, boolean bypassRls) {
        static RoleFlags of(ResultSet row) throws SQLException {
            return new RoleFlags(row.getBoolean(1), row.getBoolean(2));
        }
    }

    private static String literal(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null ? defaultValue : value;
    }

    /** Thrown when no server can be found; turned into a failure or a skip. */
    static final class NoServerException extends Exception {
        private static final long serialVersionUID = 1L;

        NoServerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
