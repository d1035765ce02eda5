package dev.pgorm.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * The demo's schema the production way: the demo database is created afresh and Flyway applies the
 * migrations in {@code src/main/resources/db/migration}, which {@code mvn pgorm:diff} wrote from
 * the entities; Hibernate then only validates ({@code hbm2ddl.auto=validate}).
 */
final class DemoSchema {

    private DemoSchema() {}

    /** Drops and creates the demo database, then migrates it with Flyway. */
    static void migrate() {
        String url = DemoDatabase.url();
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        int query = url.indexOf('?', slash);
        String database = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
        String maintenance = url.substring(0, slash) + "/postgres";
        String name = quote(database);
        try (Connection c =
                        DriverManager.getConnection(
                                maintenance, DemoDatabase.user(), DemoDatabase.password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
            s.execute("GRANT CONNECT ON DATABASE " + name + " TO " + quote(DemoDatabase.appUser()));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create the demo database "
                            + database
                            + " as "
                            + DemoDatabase.user()
                            + " (it needs CREATEDB): "
                            + e.getMessage(),
                    e);
        }
        FluentConfiguration flyway =
                Flyway.configure()
                        .dataSource(url, DemoDatabase.user(), DemoDatabase.password())
                        .locations("classpath:db/migration");
        // a concurrent index build would wait for Flyway's own lock transaction
        flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
        MigrateResult result = flyway.load().migrate();
        DemoConsole.section("Schema: Flyway migrations written by mvn pgorm:diff");
        result.migrations.forEach(
                m ->
                        System.out.println(
                                "  V"
                                        + m.version
                                        + " "
                                        + m.description
                                        + ": "
                                        + m.executionTime
                                        + " ms"));
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
