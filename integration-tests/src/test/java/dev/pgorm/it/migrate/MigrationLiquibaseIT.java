package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changelog written by {@code writeLiquibase}, applied by Liquibase to a populated database. */
@PgTest
class MigrationLiquibaseIT {

    /** One row of Liquibase's DATABASECHANGELOG. */
    record Applied(String id, String author, int order, String execType) {}

    @Test
    void liquibaseAppliesTheChangesetsKeepingEveryRowAndThenOnlyTheAppendedOnes(
            PgTestDatabase db, @TempDir Path dir) throws Exception {
        try (MigrationCase c = MigrationFiles.populated(db)) {
            c.execute("CREATE SCHEMA liquibase");
            Map<String, Long> before = MigrationFiles.rows(c);
            PgMigrationPlan plan = MigrationFiles.firstPlan(c);
            Path changelog = dir.resolve("changes.sql");

            // tag::liquibase[]
            List<String> ids = plan.writeLiquibase(changelog, "jane");
            // end::liquibase[]

            String text = Files.readString(changelog);
            assertThat(text).startsWith("--liquibase formatted sql\n");
            assertThat(text.lines().filter(l -> l.startsWith("--changeset jane:")))
                    .hasSize(ids.size());
            assertThat(text).contains("runInTransaction:false").contains("hazards: INDEX_BUILD");

            update(c, db, dir);

            List<Applied> first = applied(c, db);
            assertThat(first).extracting(Applied::id).containsExactlyElementsOf(ids);
            assertThat(first).allMatch(a -> a.execType().equals("EXECUTED"));
            assertThat(MigrationFiles.rows(c)).isEqualTo(before);
            MigrationFiles.assertMigrated(c, MigrationFiles.NEW);

            PgMigrationPlan next = MigrationFiles.plan(c, MigrationFiles.NEXT);
            List<String> more = next.writeLiquibase(changelog, "jane");

            assertThat(Files.readString(changelog)).startsWith(text);
            assertThat(more).doesNotContainAnyElementsOf(ids);
            // the earlier changesets' checksums still match, only the new ones run
            update(c, db, dir);
            List<Applied> all = applied(c, db);
            assertThat(all.subList(0, first.size())).isEqualTo(first);
            assertThat(all.subList(first.size(), all.size()))
                    .extracting(Applied::id)
                    .containsExactlyElementsOf(more);
            assertThat(MigrationFiles.rows(c)).isEqualTo(before);
            MigrationFiles.assertMigrated(c, MigrationFiles.NEXT);
        }
    }

    @Test
    void aFunctionBodyKeepsItsSemicolons(PgTestDatabase db, @TempDir Path dir) throws Exception {
        try (MigrationCase c = MigrationCase.of(db, MigrationFiles.OLD)) {
            c.execute("CREATE SCHEMA liquibase");
            PgMigrationPlan plan =
                    PgMigrationPlan.of(
                            List.of(
                                    new PgMigrationStatement(
                                            """
                                            CREATE FUNCTION public.answer() RETURNS integer
                                            LANGUAGE plpgsql AS $$
                                            BEGIN
                                                PERFORM 1;
                                                RETURN 42;
                                            END;
                                            $$""",
                                            true,
                                            Set.of(),
                                            "")));

            plan.writeLiquibase(dir.resolve("changes.sql"), "jane");
            update(c, db, dir);

            assertThat(c.count("select public.answer()")).isEqualTo(42);
        }
    }

    /** Runs Liquibase's update command on the case database, its tables in their own schema. */
    private static void update(MigrationCase c, PgTestDatabase db, Path dir) throws Exception {
        try (Connection connection =
                DriverManager.getConnection(c.url(), db.user(), db.password())) {
            // tag::liquibase-apply[]
            Database database =
                    DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setLiquibaseSchemaName("liquibase"); // out of the entities' schema
            Scope.child(
                    Scope.Attr.resourceAccessor.name(),
                    new DirectoryResourceAccessor(dir),
                    () ->
                            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                                    .addArgumentValue(
                                            DbUrlConnectionArgumentsCommandStep.DATABASE_ARG,
                                            database)
                                    .addArgumentValue(
                                            UpdateCommandStep.CHANGELOG_FILE_ARG, "changes.sql")
                                    .execute());
            // end::liquibase-apply[]
        }
    }

    private static List<Applied> applied(MigrationCase c, PgTestDatabase db) throws Exception {
        List<Applied> rows = new ArrayList<>();
        try (Connection connection =
                        DriverManager.getConnection(c.url(), db.user(), db.password());
                Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                """
                                select id, author, orderexecuted, exectype
                                from liquibase.databasechangelog order by orderexecuted
                                """)) {
            while (rs.next()) {
                rows.add(
                        new Applied(
                                rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
            }
        }
        return rows;
    }
}
