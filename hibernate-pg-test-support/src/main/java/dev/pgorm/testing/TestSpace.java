package dev.pgorm.testing;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.testing.internal.PgServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The schema or database that one test class works in: creates it with the application role's
 * grants, re-creates it on request and drops it; nothing else.
 */
final class TestSpace {

    private final PgServer server;
    private final PgTest.Isolation isolation;
    private final String schema;
    private final String database;
    private final String url;

    private TestSpace(
            PgServer server,
            PgTest.Isolation isolation,
            String schema,
            String database,
            String url) {
        this.server = server;
        this.isolation = isolation;
        this.schema = schema;
        this.database = database;
        this.url = url;
    }

    /** Creates a fresh schema or database for {@code testClass}, named after it. */
    static TestSpace create(PgServer server, Class<?> testClass, PgTest.Isolation isolation) {
        String name = uniqueName(testClass);
        if (isolation == PgTest.Isolation.DATABASE) {
            TestSpace space =
                    new TestSpace(
                            server,
                            isolation,
                            "public",
                            name,
                            PgServer.withDatabase(server.url(), name));
            space.createDatabase();
            return space;
        }
        TestSpace space =
                new TestSpace(
                        server,
                        isolation,
                        name,
                        null,
                        PgServer.withParameter(server.url(), "currentSchema", name + ",public"));
        space.admin().execute(space.createSchema().toArray(String[]::new));
        return space;
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

    private void createDatabase() {
        String db = PgIdentifiers.quote(database);
        String app = PgIdentifiers.quote(server.appUser());
        admin().execute(
                        """
                        create database %s"""
                                .formatted(db));
        admin().execute(
                        """
                        grant connect on database %s to %s"""
                                .formatted(db, app));
        new PgSql(new DriverDataSource(url, server.user(), server.password()), server.user())
                .execute(grantsToAppRole().toArray(String[]::new));
    }

    /** {@code create schema}, then the application role's grants on it. */
    private List<String> createSchema() {
        List<String> statements = new ArrayList<>();
        statements.add(
                """
                create schema %s"""
                        .formatted(PgIdentifiers.quote(schema)));
        statements.addAll(grantsToAppRole());
        return statements;
    }

    /**
     * What the application role may do in this class's schema: use it, and read and write the
     * tables and sequences created in it afterwards.
     */
    private List<String> grantsToAppRole() {
        String s = PgIdentifiers.quote(schema);
        String app = PgIdentifiers.quote(server.appUser());
        return List.of(
                """
                grant usage on schema %s to %s"""
                        .formatted(s, app),
                """
                alter default privileges in schema %s \
                grant select, insert, update, delete on tables to %s"""
                        .formatted(s, app),
                """
                alter default privileges in schema %s \
                grant usage, select on sequences to %s"""
                        .formatted(s, app));
    }

    /** Drops and re-creates the schema; only with schema isolation. */
    void reset() {
        List<String> statements = new ArrayList<>();
        statements.add(dropSchema());
        statements.addAll(createSchema());
        admin().execute(statements.toArray(String[]::new));
    }

    /** Drops the schema or the database. */
    void drop() {
        if (isolation == PgTest.Isolation.DATABASE) {
            admin().execute(
                            """
                            drop database if exists %s with (force)"""
                                    .formatted(PgIdentifiers.quote(database)));
        } else {
            admin().execute(dropSchema());
        }
    }

    private String dropSchema() {
        return """
                drop schema if exists %s cascade"""
                .formatted(PgIdentifiers.quote(schema));
    }

    /** Runs statements as the privileged user in the server's own database. */
    private PgSql admin() {
        return new PgSql(
                new DriverDataSource(server.url(), server.user(), server.password()),
                server.user());
    }

    PgTest.Isolation isolation() {
        return isolation;
    }

    String schema() {
        return schema;
    }

    /** Returns the JDBC URL of the space, with its schema first on the search path. */
    String url() {
        return url;
    }

    /** Returns the database's name with database isolation, else the schema's. */
    String name() {
        return database != null ? database : schema;
    }

    @Override
    public String toString() {
        return (database != null ? "database " + database : "schema " + schema) + " on " + server;
    }
}
