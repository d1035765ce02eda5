package dev.pgorm.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.core.internal.PgServerCapabilities;
import dev.pgorm.testing.internal.PgServer;
import dev.pgorm.testing.internal.ServerLocator;
import dev.pgorm.testing.internal.StatementRecorder;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The PostgreSQL that one test class works in: its own schema (first on the search path) or its own
 * database, dropped after the class. Hands out data sources, entity manager factories, SQL runners
 * for the privileged user and the unprivileged application role, and plan assertions.
 *
 * @since 0.1
 */
public final class PgTestDatabase implements AutoCloseable {

    private final PgServer server;
    private final PgTest.Isolation isolation;
    private final String schema;
    private final String database;
    private final String url;
    private final HikariDataSource ownerPool;
    private final DataSource ownerDataSource;
    private HikariDataSource appPool;
    private final Deque<EntityManagerFactory> closeables = new ArrayDeque<>();

    PgTestDatabase(PgServer server, Class<?> testClass, PgTest.Isolation isolation) {
        this.server = server;
        this.isolation = isolation;
        String name = uniqueName(testClass);
        PgSql admin =
                new PgSql(
                        new DriverDataSource(server.url(), server.user(), server.password()),
                        server.user());
        if (isolation == PgTest.Isolation.DATABASE) {
            this.database = name;
            this.schema = "public";
            admin.execute("create database " + PgIdentifiers.quote(name));
            this.url = PgServer.withDatabase(server.url(), name);
            admin.execute(
                    "grant connect on database "
                            + PgIdentifiers.quote(name)
                            + " to "
                            + PgIdentifiers.quote(server.appUser()));
            String app = PgIdentifiers.quote(server.appUser());
            new PgSql(new DriverDataSource(url, server.user(), server.password()), server.user())
                    .execute(
                            "grant usage on schema public to " + app,
                            "alter default privileges in schema public grant select, insert, update, delete on tables to "
                                    + app,
                            "alter default privileges in schema public grant usage, select on sequences to "
                                    + app);
        } else {
            this.database = null;
            this.schema = name;
            this.url = PgServer.withParameter(server.url(), "currentSchema", name + ",public");
            String s = PgIdentifiers.quote(name);
            String app = PgIdentifiers.quote(server.appUser());
            admin.execute(
                    "create schema " + s,
                    "grant usage on schema " + s + " to " + app,
                    "alter default privileges in schema "
                            + s
                            + " grant select, insert, update, delete on tables to "
                            + app,
                    "alter default privileges in schema "
                            + s
                            + " grant usage, select on sequences to "
                            + app);
        }
        this.ownerPool = pool(server.user(), server.password(), "owner");
        this.ownerDataSource = StatementRecorder.wrap(ownerPool);
    }

    private static String uniqueName(Class<?> testClass) {
        String base =
                testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        return "it_"
                + base
                + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    }

    private HikariDataSource pool(String user, String password, String label) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("pgorm-test-" + label + "-" + (database != null ? database : schema));
        return new HikariDataSource(config);
    }

    /**
     * Drops and re-creates this class's schema, for tests that need an empty one each time; close
     * the entity manager factories that use it first. Only with schema isolation.
     */
    public void resetSchema() {
        if (isolation != PgTest.Isolation.SCHEMA) {
            throw new IllegalStateException("resetSchema() needs @PgTest(isolation = SCHEMA)");
        }
        ownerPool.getHikariPoolMXBean().softEvictConnections();
        if (appPool != null) {
            appPool.getHikariPoolMXBean().softEvictConnections();
        }
        String s = PgIdentifiers.quote(schema);
        String app = PgIdentifiers.quote(server.appUser());
        new PgSql(
                        new DriverDataSource(server.url(), server.user(), server.password()),
                        server.user())
                .execute(
                        "drop schema if exists " + s + " cascade",
                        "create schema " + s,
                        "grant usage on schema " + s + " to " + app,
                        "alter default privileges in schema "
                                + s
                                + " grant select, insert, update, delete on tables to "
                                + app,
                        "alter default privileges in schema "
                                + s
                                + " grant usage, select on sequences to "
                                + app);
    }

    /** Returns the schema this class works in ({@code public} with database isolation). */
    public String schema() {
        return schema;
    }

    /** Returns the JDBC URL of this class's database, with its schema first on the search path. */
    public String jdbcUrl() {
        return url;
    }

    /** Returns the privileged user that owns what the tests create. */
    public String user() {
        return server.user();
    }

    /** Returns the privileged user's password, or null. */
    public String password() {
        return server.password();
    }

    /** Returns where the server came from: PGORM_TEST_URL, localhost:5432 or Testcontainers. */
    public String serverSource() {
        return server.source();
    }

    /**
     * Returns a pooled data source that connects as the privileged user; statements run through it
     * can be examined with {@link #explain(Runnable)}.
     */
    public DataSource dataSource() {
        return ownerDataSource;
    }

    /** Runs SQL as the privileged user that owns the test tables. */
    public PgSql sql() {
        return new PgSql(ownerDataSource, server.user());
    }

    /**
     * Runs SQL as the application role: a login that is neither superuser, nor owner of the test
     * tables, nor BYPASSRLS, so row-level security applies to it. It gets SELECT, INSERT, UPDATE
     * and DELETE on the tables of this class's schema.
     */
    public PgSql asAppRole() {
        return new PgSql(appRoleDataSource(), server.appUser());
    }

    /** Returns the application role's name. */
    public String appRoleName() {
        return server.appUser();
    }

    /** Returns a pooled data source that connects as the application role. */
    public synchronized DataSource appRoleDataSource() {
        if (appPool == null) {
            appPool = pool(server.appUser(), server.appPassword(), "app");
        }
        return appPool;
    }

    /** Shortcut for {@code sql().execute(statements)}. */
    public void execute(String... statements) {
        sql().execute(statements);
    }

    /** Opens a new connection as the privileged user; the caller closes it. */
    public Connection connection() throws SQLException {
        return ownerDataSource.getConnection();
    }

    /**
     * Builds an entity manager factory for the given entities on {@link #dataSource()}, creating
     * their tables ({@code hibernate.hbm2ddl.auto=create}, halting on the first DDL error); closed
     * with this database.
     *
     * @param entities the entity classes
     * @return the factory
     */
    public SessionFactory entityManagerFactory(Class<?>... entities) {
        return entityManagerFactory(Arrays.asList(entities), Map.of());
    }

    /**
     * Builds an entity manager factory for the given entities on {@link #dataSource()}; closed with
     * this database.
     *
     * @param entities the entity classes
     * @param properties Hibernate or JPA properties that override the defaults (for example {@code
     *     hibernate.hbm2ddl.auto})
     * @return the factory
     */
    public SessionFactory entityManagerFactory(List<Class<?>> entities, Map<String, ?> properties) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ownerDataSource);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create");
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
        settings.putAll(properties);
        SessionFactory factory =
                new HibernatePersistenceConfiguration(
                                "pgorm-it-" + (database != null ? database : schema))
                        .managedClasses(entities)
                        .properties(settings)
                        .createEntityManagerFactory();
        closeables.push(factory);
        return factory;
    }

    /**
     * Runs a schema action ({@code create}, {@code update}, {@code validate} ...) for the given
     * entities by building a factory with {@code hibernate.hbm2ddl.auto} set to it, and closes it;
     * a failing action throws as building the factory does.
     *
     * @param action the value of {@code hibernate.hbm2ddl.auto}
     * @param entities the entity classes
     */
    public void schemaAction(String action, Class<?>... entities) {
        close(
                entityManagerFactory(
                        Arrays.asList(entities), Map.of(AvailableSettings.HBM2DDL_AUTO, action)));
    }

    /** Closes the factory now rather than with this database (to rebuild it, say). */
    public void close(EntityManagerFactory factory) {
        closeables.remove(factory);
        factory.close();
    }

    /** Reads the server version and extensions of this class's database. */
    public PgServerCapabilities capabilities() {
        try (Connection c = ownerPool.getConnection()) {
            return PgServerCapabilities.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read server capabilities: " + e.getMessage(), e);
        }
    }

    /**
     * Makes sure an extension is installed in this database (in schema {@code public}), creating it
     * when the server has it. When the server lacks it, the test fails in CI and is skipped
     * elsewhere, with the reason.
     *
     * @param extension the extension name, for example {@code vector}
     */
    public void requireExtension(String extension) {
        PgServerCapabilities caps = capabilities();
        if (caps.isInstalled(extension)) {
            return;
        }
        if (!caps.isAvailable(extension)) {
            unavailable(
                    "the server ("
                            + caps
                            + ") does not have the extension "
                            + extension
                            + "; scripts/test-db.sh installs it");
        }
        sql().execute(
                        "create extension if not exists "
                                + PgIdentifiers.quote(extension)
                                + " schema public");
    }

    /**
     * Makes sure the server is at least the given major version; otherwise fails in CI and skips
     * elsewhere.
     */
    public void requireServerVersion(int major) {
        PgServerCapabilities caps = capabilities();
        if (!caps.isAtLeast(major)) {
            unavailable("needs PostgreSQL " + major + "+, the server is " + caps);
        }
    }

    private static void unavailable(String reason) {
        if (ServerLocator.required()) {
            throw new IllegalStateException("Missing capability: " + reason);
        }
        throw new TestAbortedException("Missing capability: " + reason);
    }

    /**
     * Runs {@code work}, then returns the {@code EXPLAIN} output of every query it sent through
     * {@link #dataSource()}, with the same bound parameters.
     *
     * @param work the work, typically running one Hibernate query
     * @return one plan per query, in order
     */
    public List<String> explain(Runnable work) {
        List<StatementRecorder.Recorded> recorded = StatementRecorder.record(work);
        List<String> plans = new ArrayList<>();
        for (StatementRecorder.Recorded statement : recorded) {
            String head = statement.sql().stripLeading().toLowerCase(Locale.ROOT);
            if (!head.startsWith("select") && !head.startsWith("with")) {
                continue;
            }
            plans.add(statement.sql() + "\n" + plan(statement));
        }
        return plans;
    }

    private String plan(StatementRecorder.Recorded statement) {
        try (Connection c = ownerPool.getConnection();
                PreparedStatement ps = c.prepareStatement("explain " + statement.sql())) {
            statement.bindTo(ps);
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append('\n');
                }
            }
            return sb.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "EXPLAIN failed for " + statement.sql() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code query} and fails, showing the SQL and the plan, unless PostgreSQL's plan for the
     * SQL that Hibernate generated uses the named index.
     *
     * @param indexName the index that must appear in the plan
     * @param query the work that runs the query, through an entity manager factory of this database
     */
    public void assertUsesIndex(String indexName, Runnable query) {
        List<String> plans = explain(query);
        if (plans.isEmpty()) {
            throw new AssertionFailedError(
                    "the query ran no SELECT through this test database's DataSource, so there is"
                            + " no plan to check for index "
                            + indexName);
        }
        Pattern uses =
                Pattern.compile(
                        "(Index Scan|Index Only Scan|Bitmap Index Scan)( Backward)? (using|on) \"?"
                                + Pattern.quote(indexName)
                                + "\"?(\\s|$)");
        for (String plan : plans) {
            if (uses.matcher(plan).find()) {
                return;
            }
        }
        throw new AssertionFailedError(
                "expected index "
                        + indexName
                        + " to be used, but the plan was:\n"
                        + String.join("\n", plans));
    }

    /**
     * Runs a SQL script with {@code psql -v ON_ERROR_STOP=1} against this class's database, with
     * {@code searchPath} as the search path, as the privileged user; fails with psql's output when
     * a statement fails. Needs the {@code psql} client (in CI it must be there; elsewhere the test
     * is skipped without it).
     *
     * @param script the script file
     * @param searchPath the search path, for example {@code "myschema, public"}
     * @return what psql printed
     */
    public String psql(java.nio.file.Path script, String searchPath) {
        java.util.regex.Matcher m =
                Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("cannot read host and database from " + url);
        }
        ProcessBuilder pb =
                new ProcessBuilder(
                                "psql",
                                "-X",
                                "-q",
                                "-v",
                                "ON_ERROR_STOP=1",
                                "-h",
                                m.group(1),
                                "-p",
                                m.group(2) == null ? "5432" : m.group(2),
                                "-U",
                                server.user(),
                                "-d",
                                m.group(3),
                                "-f",
                                script.toString())
                        .redirectErrorStream(true);
        if (server.password() != null) {
            pb.environment().put("PGPASSWORD", server.password());
        }
        pb.environment().put("PGOPTIONS", "-c search_path=" + searchPath.replace(" ", ""));
        try {
            Process process = pb.start();
            String output =
                    new String(
                            process.getInputStream().readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new AssertionFailedError(
                        "psql failed (exit " + exit + ") on " + script + ":\n" + output);
            }
            return output;
        } catch (java.io.IOException e) {
            unavailable("the psql client is not installed: " + e.getMessage());
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Closes the factories and pools and drops this class's schema or database. */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                failure = new IllegalStateException("closing " + this + " failed", e);
            }
        }
        if (appPool != null) {
            appPool.close();
        }
        ownerPool.close();
        if (!"true".equalsIgnoreCase(ServerLocator.setting("PGORM_TEST_KEEP"))) {
            PgSql admin =
                    new PgSql(
                            new DriverDataSource(server.url(), server.user(), server.password()),
                            server.user());
            if (isolation == PgTest.Isolation.DATABASE) {
                admin.execute(
                        "drop database if exists "
                                + PgIdentifiers.quote(database)
                                + " with (force)");
            } else {
                admin.execute("drop schema if exists " + PgIdentifiers.quote(schema) + " cascade");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return (database != null ? "database " + database : "schema " + schema) + " on " + server;
    }
}
