package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.internal.WriterPlans.CLOCK;
import static dev.pgorm.migrate.internal.WriterPlans.fourGroups;
import static dev.pgorm.migrate.internal.WriterPlans.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiquibaseWriterTest {

    @TempDir Path dir;

    @Test
    void writesAChangesetPerGroup() throws IOException {
        Path file = dir.resolve("changes.sql");

        List<String> ids = LiquibaseWriter.write(fourGroups(), file, "Jane Doe", CLOCK);

        assertThat(ids)
                .containsExactly(
                        "20261207060000-1",
                        "20261207060000-2",
                        "20261207060000-3",
                        "20261207060000-4");
        String text = Files.readString(file);
        assertThat(text)
                .startsWith(
                        """
                        --liquibase formatted sql

                        --changeset Jane Doe:20261207060000-1 splitStatements:false
                        -- Written by PG-ORM from a verified plan, changeset 1 of 4.
                        -- Liquibase runs this changeset in one transaction, as one script.
                        -- Sets lock_timeout = '3s' and statement_timeout = '60s' for the statements below.
                        -- Statements and their hazards:
                        --   1. ALTER TABLE public.item ADD COLUMN quantity integer
                        --      hazards: none
                        SET lock_timeout = '3s';
                        SET statement_timeout = '60s';
                        ALTER TABLE public.item ADD COLUMN quantity integer;

                        --changeset Jane Doe:20261207060000-2 runInTransaction:false
                        """)
                .contains("--      hazards: INDEX_BUILD")
                .contains("--changeset Jane Doe:20261207060000-3 splitStatements:false\n")
                .contains("--changeset Jane Doe:20261207060000-4 splitStatements:false\n")
                .contains("--      note: 12 rows to check")
                .endsWith("ALTER TABLE public.item VALIDATE CONSTRAINT item_shelf_fk;\n");
        assertThat(text.lines().filter(l -> l.startsWith("--changeset"))).hasSize(4);
    }

    @Test
    void appendsToAFormattedChangelogKeepingItsText() throws IOException {
        Path file = dir.resolve("changes.sql");
        String mine = "-- liquibase formatted sql\n\n--changeset bob:20261207060000-2\nSELECT 1;";
        Files.writeString(file, mine);

        List<String> ids = LiquibaseWriter.write(fourGroups(), file, "alice", CLOCK);
        // the same second again, and a second later
        List<String> again = LiquibaseWriter.write(fourGroups(), file, "alice", CLOCK);
        List<String> later =
                LiquibaseWriter.write(
                        fourGroups(), file, "alice", Clock.offset(CLOCK, Duration.ofSeconds(1)));

        assertThat(ids)
                .containsExactly(
                        "20261207060000-3",
                        "20261207060000-4",
                        "20261207060000-5",
                        "20261207060000-6");
        assertThat(again).first().isEqualTo("20261207060000-7");
        assertThat(later).first().isEqualTo("20261207060001-1");
        String text = Files.readString(file);
        assertThat(text).startsWith(mine + "\n\n--changeset alice:20261207060000-3 ");
        assertThat(text.lines().filter(l -> l.startsWith("--changeset"))).hasSize(13);
        assertThat(text.lines().filter(l -> l.contains("liquibase formatted sql"))).hasSize(1);
        assertThat(names(dir)).containsExactly("changes.sql");
    }

    @Test
    void countsOnAfterQuotedIds() {
        String log =
                "--liquibase formatted sql\n--changeset \"a b\":\"20261207060000-9\"\nSELECT 1;\n";
        assertThat(LiquibaseWriter.ids(log, 1, CLOCK)).containsExactly("20261207060000-10");
    }

    @Test
    void refusesAFileThatIsNoFormattedSqlChangelog() throws IOException {
        Path xml = Files.writeString(dir.resolve("changelog.xml"), "<?xml version=\"1.0\"?>\n");
        Path plain = Files.writeString(dir.resolve("plain.sql"), "\n\nCREATE TABLE t ();\n");

        assertThatThrownBy(() -> LiquibaseWriter.write(fourGroups(), xml, "alice", CLOCK))
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("is not a Liquibase formatted-SQL changelog");
        assertThatThrownBy(() -> LiquibaseWriter.write(fourGroups(), plain, "alice", CLOCK))
                .isInstanceOf(PgMigrationException.class);
        assertThatThrownBy(() -> LiquibaseWriter.write(fourGroups(), dir, "alice", CLOCK))
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("is a folder");
        assertThatThrownBy(
                        () ->
                                LiquibaseWriter.write(
                                        fourGroups(), xml.resolve("x.sql"), "alice", CLOCK))
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("is not a folder");
        assertThat(Files.readString(xml)).isEqualTo("<?xml version=\"1.0\"?>\n");
        assertThat(Files.readString(plain)).isEqualTo("\n\nCREATE TABLE t ();\n");
        assertThat(names(dir)).containsExactly("changelog.xml", "plain.sql");
    }

    @Test
    void refusesAnAuthorLiquibaseCannotRead() {
        Path file = dir.resolve("changes.sql");
        for (String author : new String[] {"", "  ", "a:b", "say \"hi\"", "two\nlines", null}) {
            assertThatThrownBy(() -> LiquibaseWriter.write(fourGroups(), file, author, CLOCK))
                    .as(String.valueOf(author))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void anEmptyPlanWritesNothing() {
        Path file = dir.resolve("changes.sql");
        assertThat(PgMigrationPlan.of(List.of()).writeLiquibase(file, "alice")).isEmpty();
        assertThat(file).doesNotExist();
    }
}
