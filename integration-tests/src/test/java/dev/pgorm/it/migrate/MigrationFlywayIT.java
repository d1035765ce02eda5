package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by {@code writeFlyway}, applied by Flyway to a populated database. */
@PgTest
class MigrationFlywayIT {

    @Test
    void flywayAppliesTheFilesKeepingEveryRowAndThenOnlyTheNextOnes(
            PgTestDatabase db, @TempDir Path dir) throws IOException {
        try (MigrationCase c = MigrationFiles.populated(db)) {
            Map<String, Long> before = MigrationFiles.rows(c);
            PgMigrationPlan plan = MigrationFiles.firstPlan(c);

            // tag::flyway[]
            List<Path> files = plan.writeFlyway(dir, "unique emails and note indexes");
            // end::flyway[]

            List<Path> scripts = sql(files);
            assertThat(scripts.get(0).getFileName().toString())
                    .startsWith("V1__unique_emails_and_note_indexes_1_of_");
            assertThat(files)
                    .filteredOn(p -> p.toString().endsWith(".conf"))
                    .isNotEmpty()
                    .allSatisfy(
                            conf -> {
                                assertThat(Files.readString(conf))
                                        .isEqualTo("executeInTransaction=false\n");
                                String script = conf.toString().replaceFirst("\\.conf$", "");
                                assertThat(Files.readString(Path.of(script)))
                                        .contains("CONCURRENTLY")
                                        .doesNotContain("VALIDATE CONSTRAINT");
                            });
            // several statements outside a transaction share one file, run one by one
            assertThat(scripts).anyMatch(s -> concurrentStatements(s) > 1);

            Flyway flyway = flyway(c, db, dir);
            flyway.baseline(); // the existing schema is version 0
            MigrateResult first = flyway.migrate();

            assertThat(first.success).isTrue();
            assertThat(first.migrationsExecuted).isEqualTo(scripts.size());
            assertThat(MigrationFiles.rows(c)).isEqualTo(before);
            MigrationFiles.assertMigrated(c, MigrationFiles.NEW);

            PgMigrationPlan next = MigrationFiles.plan(c, MigrationFiles.NEXT);
            List<Path> more = sql(next.writeFlyway(dir, "tags"));

            assertThat(more.get(0).getFileName().toString())
                    .startsWith("V" + (scripts.size() + 1) + "__tags");
            MigrateResult second = flyway(c, db, dir).migrate();
            assertThat(second.initialSchemaVersion).isEqualTo(String.valueOf(scripts.size()));
            assertThat(second.migrationsExecuted).isEqualTo(more.size());
            assertThat(second.migrations)
                    .extracting(m -> "V" + m.version + "__")
                    .containsExactlyElementsOf(
                            more.stream()
                                    .map(p -> p.getFileName().toString().replaceAll("__.*", "__"))
                                    .toList());
            // besides the schema creation and the baseline
            assertThat(flyway.info().applied())
                    .filteredOn(m -> m.getScript().endsWith(".sql"))
                    .hasSize(scripts.size() + more.size())
                    .allMatch(MigrationInfo::isChecksumMatching)
                    .allMatch(m -> m.getState().isApplied() && !m.getState().isFailed());
            assertThat(MigrationFiles.rows(c)).isEqualTo(before);
            MigrationFiles.assertMigrated(c, MigrationFiles.NEXT);
        }
    }

    @Test
    void aFolderOfWrittenFilesIsTheCurrentStateOfTheNextPlan(PgTestDatabase db, @TempDir Path dir) {
        MigrationFiles.folderPlan(db, dir, MigrationFiles.OLD).writeFlyway(dir, "initial");
        PgMigrationPlan indexes = MigrationFiles.folderPlan(db, dir, MigrationFiles.NEW);
        assertThat(indexes.statements()).anyMatch(s -> !s.transactional());

        List<Path> files = indexes.writeFlyway(dir, "indexes");

        // the replay runs the files outside a transaction statement by statement, as Flyway does
        assertThat(files).anyMatch(p -> p.toString().endsWith(".conf"));
        assertThat(MigrationFiles.folderPlan(db, dir, MigrationFiles.NEW).isEmpty()).isTrue();
    }

    /** Flyway on the case database, its history in a schema of its own (see the guide). */
    private static Flyway flyway(MigrationCase c, PgTestDatabase db, Path dir) {
        // tag::flyway-apply[]
        FluentConfiguration config =
                Flyway.configure()
                        .dataSource(c.url(), db.user(), db.password())
                        .locations("filesystem:" + dir)
                        .schemas("flyway") // flyway_schema_history out of the entities' schema
                        .baselineVersion("0");
        // else CREATE INDEX CONCURRENTLY waits for Flyway's own lock transaction
        config.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
        return config.load();
        // end::flyway-apply[]
    }

    /** Counts the statements (not the comment lines) that build or drop an index concurrently. */
    private static long concurrentStatements(Path script) {
        try {
            return Files.readString(script)
                    .lines()
                    .filter(l -> l.matches("(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY .*"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sql(List<Path> files) {
        return files.stream().filter(p -> p.toString().endsWith(".sql")).toList();
    }
}
