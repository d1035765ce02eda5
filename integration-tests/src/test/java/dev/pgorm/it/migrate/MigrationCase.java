package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationPlanner;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.migrate.internal.PlanTimings;
import dev.pgorm.testing.PgTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * One acceptance case in the style of stripe's pg-schema-diff: a live database made from the old
 * entities (and rows), planned against the new entities, applied, and planned again.
 */
final class MigrationCase implements AutoCloseable {

    private final PgTestDatabase server;
    private final String name;
    private final String url;

    private MigrationCase(PgTestDatabase server, String name) {
        this.server = server;
        this.name = name;
        this.url = withDatabase(server.jdbcUrl(), name);
    }

    /** Creates a database for the case and the old entities' schema in it. */
    static MigrationCase of(PgTestDatabase server, Class<?>... oldEntities) {
        String name =
                "it_migrate_"
                        + Integer.toHexString(
                                ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        server.execute("CREATE DATABASE " + name);
        MigrationCase c = new MigrationCase(server, name);
        c.create(oldEntities);
        return c;
    }

    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return url.substring(0, slash) + "/" + database;
    }

    String url() {
        return url;
    }

    /** Runs the entities' {@code create} schema export on the case database. */
    void create(Class<?>... entities) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, url);
        settings.put(AvailableSettings.JAKARTA_JDBC_USER, server.user());
        if (server.password() != null) {
            settings.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, server.password());
        }
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create");
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
        new HibernatePersistenceConfiguration("it-migrate-" + name)
                .managedClasses(Arrays.asList(entities))
                .properties(settings)
                .createEntityManagerFactory()
                .close();
    }

    /** Returns a planner for the new entities against this case's database, on the test server. */
    PgMigrationPlanner planner(Class<?>... newEntities) {
        return PgMigrations.planner()
                .entities(newEntities)
                .scratch(server.jdbcUrl(), server.user(), server.password())
                .fromDatabase(url, server.user(), server.password());
    }

    /** Runs SQL on the case database. */
    void execute(String... statements) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies a plan as a deployment would: each transactional group (from its SET lock_timeout) in
     * one transaction, every other statement on its own outside a transaction.
     */
    void apply(PgMigrationPlan plan) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (PgMigrationStatement st : plan.statements()) {
                boolean startsGroup = st.sql().startsWith("SET lock_timeout");
                if (!st.transactional() || startsGroup) {
                    if (!c.getAutoCommit()) {
                        c.commit();
                    }
                    c.setAutoCommit(!st.transactional());
                }
                s.execute(st.sql());
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies the plan, checks the table keeps its rows, that planning again finds nothing, and
     * that the schema dumps as one created directly from the new entities.
     */
    void applyAndReplan(PgMigrationPlan plan, String table, long rows, Class<?>... newEntities) {
        apply(plan);
        if (table != null) {
            assertThat(count("select count(*) from " + table)).isEqualTo(rows);
        }
        PgMigrationPlan again = planner(newEntities).allow(PgMigrationHazard.values()).plan();
        assertThat(again.statements()).isEmpty();
        assertThat(again.isEmpty()).isTrue();
        // by name: other runs on a shared server have temporary databases of their own meanwhile
        List<String> temporary = PlanTimings.last().tempDatabases();
        assertThat(temporary).isNotEmpty();
        assertThat(
                        server.sql()
                                .queryValue(
                                        "select count(*) from pg_database where datname = any(?)",
                                        Long.class,
                                        (Object) temporary.toArray(String[]::new)))
                .as("temporary databases left behind")
                .isZero();
        try (MigrationCase fresh = MigrationCase.of(server, newEntities)) {
            assertThat(SchemaDump.of(url, server.user(), server.password()))
                    .as("pg_dump of the migrated database vs one created from the new entities")
                    .isEqualTo(SchemaDump.of(fresh.url, server.user(), server.password()));
        }
    }

    /** Returns the plan's SQL without the timeout settings. */
    static List<String> sql(PgMigrationPlan plan) {
        return plan.statements().stream()
                .map(PgMigrationStatement::sql)
                .filter(s -> !s.startsWith("SET "))
                .toList();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, server.user(), server.password());
    }

    @Override
    public void close() {
        server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
