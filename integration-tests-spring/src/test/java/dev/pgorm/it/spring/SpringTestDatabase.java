package dev.pgorm.it.spring;

import dev.pgorm.testing.ScaleOutServers;
import dev.pgorm.testing.internal.PgServer;
import dev.pgorm.testing.internal.ServerLocator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for one {@code @SpringBootTest} class, on the server the other ITs use
 * (PGORM_TEST_URL, then localhost:5432): dropped and created when the context starts, so that the
 * class can find its listener's backend by database name and make the database refuse connections
 * without disturbing anyone else.
 */
public final class SpringTestDatabase {

    private SpringTestDatabase() {}

    /** Creates {@code name} afresh and points {@code spring.datasource.*} at it. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        PgServer server = ServerLocator.server();
        admin("drop database if exists " + name + " with (force)", "create database " + name);
        registry.add("spring.datasource.url", () -> PgServer.withDatabase(server.url(), name));
        registry.add("spring.datasource.username", server::user);
        registry.add("spring.datasource.password", () -> server.password());
    }

    /**
     * Creates {@code name} afresh, lets the unprivileged application role create tables in it and
     * points {@code spring.datasource.*} at it as that role: row-level security applies to it.
     */
    public static void registerAsAppRole(DynamicPropertyRegistry registry, String name) {
        PgServer server = ServerLocator.server();
        admin("drop database if exists " + name + " with (force)", "create database " + name);
        String url = PgServer.withDatabase(server.url(), name);
        try (Connection c = PgServer.connect(url, server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("grant create, usage on schema public to " + server.appUser());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", server::appUser);
        registry.add("spring.datasource.password", () -> server.appPassword());
    }

    /**
     * Returns the URL of database {@code name} on the streaming replica of {@code
     * scripts/scale-out-db.sh}, with the privileged user's credentials in it, after checking that
     * the replica answers (on the server's own database, so {@code name} may not exist yet): fails
     * when there is none, and skips where the run declared it absent with {@code
     * PGORM_TEST_ABSENT}.
     */
    public static String replicaUrl(String name) {
        PgServer server = ServerLocator.server();
        String url =
                PgServer.withDatabase(
                        ScaleOutServers.replica(server.url(), server.user(), server.password()),
                        name);
        url = PgServer.withParameter(url, "user", server.user());
        return server.password() == null
                ? url
                : PgServer.withParameter(url, "password", server.password());
    }

    /**
     * Returns whether the replica answers, without failing or skipping: where it returns false, the
     * context starts without replicas and each test calls {@link #replicaUrl(String)} in {@code
     * BeforeEach}, so that each test is skipped (or fails) by name.
     */
    public static boolean hasReplica() {
        try {
            replicaUrl("postgres");
            return true;
        } catch (IllegalStateException | TestAbortedException e) {
            return false;
        }
    }

    /** Runs statements as the privileged user on the shared test database. */
    public static void admin(String... statements) {
        try (Connection c = ServerLocator.server().connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the number of rows {@code query} returns, run as the privileged user. */
    public static int count(String query) {
        try (Connection c = ServerLocator.server().connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
