package dev.pgorm.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The server the benchmarks run on: {@code PGORM_BENCH_URL} (default {@code
 * jdbc:postgresql://localhost:5432/pgorm_test}), {@code PGORM_BENCH_USER} (default {@code
 * postgres}), {@code PGORM_BENCH_PASSWORD}; work happens in schema {@code pgorm_bench} (or the
 * system property {@code pgorm.bench.schema}), dropped and re-created for each case.
 */
public final class BenchEnv implements AutoCloseable {

    static final String SCHEMA =
            schemaName(System.getProperty("pgorm.bench.schema", "pgorm_bench"));

    private final String url;
    private final String user;
    private final String password;
    private final HikariDataSource dataSource;
    private final List<SessionFactory> factories = new ArrayList<>();

    BenchEnv() {
        this.url = env("PGORM_BENCH_URL", "jdbc:postgresql://localhost:5432/pgorm_test");
        this.user = env("PGORM_BENCH_USER", "postgres");
        this.password = env("PGORM_BENCH_PASSWORD", null);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + ",public");
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("pgorm-bench");
        this.dataSource = new HikariDataSource(config);
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /** Returns the server's JDBC URL, as configured (without the benchmark schema). */
    public String url() {
        return url;
    }

    /** Returns the user. */
    public String user() {
        return user;
    }

    /** Returns the password, or null. */
    public String password() {
        return password;
    }

    /** Returns the pooled data source, with {@code pgorm_bench} first on the search path. */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Drops and re-creates the benchmark schema. */
    public void resetSchema() throws SQLException {
        for (SessionFactory f : factories) {
            f.close();
        }
        factories.clear();
        dataSource.getHikariPoolMXBean().softEvictConnections();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
            st.execute("create schema " + SCHEMA);
        }
    }

    /** Executes statements in auto-commit mode. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** Builds a session factory for entities; closed with the next reset or at the end. */
    public SessionFactory sessionFactory(List<Class<?>> entities, Map<String, Object> properties) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create");
        settings.putAll(properties);
        SessionFactory factory =
                new HibernatePersistenceConfiguration("pgorm-bench")
                        .managedClasses(entities)
                        .properties(settings)
                        .createEntityManagerFactory();
        factories.add(factory);
        return factory;
    }

    /** Returns the server's version string. */
    public String serverVersion() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    @Override
    public void close() throws SQLException {
        resetSchema();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        dataSource.close();
    }

    private static String schemaName(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "pgorm.bench.schema must be a lower-case identifier, got: " + name);
        }
        return name;
    }
}
