package dev.pgorm.testing;

import dev.pgorm.testing.internal.PgServer;
import dev.pgorm.testing.internal.ServerLocator;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

/**
 * The PostgreSQL that one test class works in: its own schema (first on the search path) or its own
 * database, dropped after the class. Hands out data sources, entity manager factories, SQL runners
 * for the privileged user and the unprivileged application role, and plan assertions.
 *
 * @since 0.1
 */
public final class PgTestDatabase implements AutoCloseable {

    private final PgServer server;
    private final TestSpace space;
    private final TestPools pools;
    private final EntityManagerFactories factories;
    private final Capabilities capabilities;
    private final QueryPlans plans;

    PgTestDatabase(PgServer server, Class<?> testClass, PgTest.Isolation isolation) {
        this.server = server;
        this.space = TestSpace.create(server, testClass, isolation);
        this.pools = new TestPools(server, space);
        this.factories = new EntityManagerFactories(pools.owner(), "pgorm-it-" + space.name());
        this.capabilities = new Capabilities(pools.ownerUnrecorded(), sql());
        this.plans = new QueryPlans(pools.ownerUnrecorded());
    }

    /**
     * Drops and re-creates this class's schema, for tests that need an empty one each time; close
     * the entity manager factories that use it first. Only with schema isolation.
     */
    public void resetSchema() {
        if (space.isolation() != PgTest.Isolation.SCHEMA) {
            throw new IllegalStateException("resetSchema() needs @PgTest(isolation = SCHEMA)");
        }
        pools.evictConnections();
        space.reset();
    }

    /** Returns the schema this class works in ({@code public} with database isolation). */
    public String schema() {
        return space.schema();
    }

    /** Returns the JDBC URL of this class's database, with its schema first on the search path. */
    public String jdbcUrl() {
        return space.url();
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
        return pools.owner();
    }

    /** Runs SQL as the privileged user that owns the test tables. */
    public PgSql sql() {
        return new PgSql(pools.owner(), server.user());
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
    public DataSource appRoleDataSource() {
        return pools.app();
    }

    /** Shortcut for {@code sql().execute(statements)}. */
    public void execute(String... statements) {
        sql().execute(statements);
    }

    /** Opens a new connection as the privileged user; the caller closes it. */
    public Connection connection() throws SQLException {
        return pools.owner().getConnection();
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
        return factories.create(entities, properties);
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
        factories.close(factory);
    }

    /** Reads the server version and extensions of this class's database. */
    public PgCapabilities capabilities() {
        return capabilities.read();
    }

    /**
     * Makes sure an extension is installed in this database (in schema {@code public}), creating it
     * when the server has it. When the server lacks it, the test fails in CI and is skipped
     * elsewhere, with the reason; in CI too it is skipped when the run declared the extension
     * absent with {@code PGORM_TEST_ABSENT} (the version matrix's servers have no pgvector or
     * PostGIS).
     *
     * @param extension the extension name, for example {@code vector}
     */
    public void requireExtension(String extension) {
        capabilities.requireExtension(extension);
    }

    /**
     * Returns whether the server has every one of these extensions, installed or available, for a
     * fixture in {@code @BeforeAll} that needs them: where it returns false, the fixture is left
     * out and each test calls {@link #requireExtension(String)} in {@code @BeforeEach}, so that
     * each test is skipped (or fails) by name rather than the whole class at once.
     *
     * @param extensions extension names, for example {@code vector}
     * @return true when the server can install all of them
     */
    public boolean hasExtensions(String... extensions) {
        PgCapabilities caps = capabilities();
        for (String extension : extensions) {
            if (!caps.isAvailable(extension)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes sure the server could install an extension, without installing it, for tests that prove
     * something else creates it; a missing one is handled like in {@link
     * #requireExtension(String)}.
     *
     * @param extension the extension name, for example {@code postgis}
     */
    public void requireAvailable(String extension) {
        capabilities.requireAvailable(extension);
    }

    /**
     * Makes sure the server is at least the given major version; otherwise fails in CI and skips
     * elsewhere.
     */
    public void requireServerVersion(int major) {
        capabilities.requireServerVersion(major);
    }

    /**
     * Runs {@code work}, then returns the {@code EXPLAIN} output of every query it sent through
     * {@link #dataSource()}, with the same bound parameters.
     *
     * @param work the work, typically running one Hibernate query
     * @return one plan per query, in order
     */
    public List<String> explain(Runnable work) {
        return plans.explain(work);
    }

    /**
     * Runs {@code query} and fails, showing the SQL and the plan, unless PostgreSQL's plan for the
     * SQL that Hibernate generated uses the named index.
     *
     * @param indexName the index that must appear in the plan
     * @param query the work that runs the query, through an entity manager factory of this database
     */
    public void assertUsesIndex(String indexName, Runnable query) {
        plans.assertUsesIndex(indexName, query);
    }

    /**
     * Returns the streaming replica and the PgBouncer beside the server, for this class's database.
     *
     * @return their URLs and checks
     * @since 0.1
     */
    public ScaleOutServers scaleOut() {
        return new ScaleOutServers(
                space.url(), server.user(), server.password(), space.isolation());
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
    public String psql(Path script, String searchPath) {
        return new Psql(space.url(), server.user(), server.password()).run(script, searchPath);
    }

    /** Closes the factories and pools and drops this class's schema or database. */
    @Override
    public void close() {
        RuntimeException failure = factories.closeAll(this);
        pools.close();
        if (!"true".equalsIgnoreCase(ServerLocator.setting("PGORM_TEST_KEEP"))) {
            space.drop();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return space.toString();
    }
}
