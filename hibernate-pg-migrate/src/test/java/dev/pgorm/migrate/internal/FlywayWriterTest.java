package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.internal.WriterPlans.CLOCK;
import static dev.pgorm.migrate.internal.WriterPlans.fourGroups;
import static dev.pgorm.migrate.internal.WriterPlans.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayWriterTest {

    @TempDir Path dir;

    /** The first file written for {@link WriterPlans#fourGroups()}: a transactional group. */
    // tag::first-file[]
    static final String FIRST_FILE =
            """
            -- Written by PG-ORM from a verified plan: add items, file 1 of 4.
            -- Flyway runs this file in one transaction.
            -- Sets lock_timeout = '3s' and statement_timeout = '60s' for the statements below.
            -- Statements and their hazards:
            --   1. ALTER TABLE public.item ADD COLUMN quantity integer
            --      hazards: none

            SET lock_timeout = '3s';

            SET statement_timeout = '60s';

            ALTER TABLE public.item ADD COLUMN quantity integer;
            """;

    // end::first-file[]

    @Test
    void writesOneFilePerGroupAndAConfForTheGroupOutsideATransaction() throws IOException {
        List<Path> files = FlywayWriter.write(fourGroups(), dir, "add items", CLOCK);

        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .containsExactly(
                        "V1__add_items_1_of_4.sql",
                        "V2__add_items_2_of_4.sql",
                        "V2__add_items_2_of_4.sql.conf",
                        "V3__add_items_3_of_4.sql",
                        "V4__add_items_4_of_4.sql");
        assertThat(names(dir)).hasSize(5);
        assertThat(Files.readString(files.get(2))).isEqualTo("executeInTransaction=false\n");
        assertThat(Files.readString(files.get(0))).isEqualTo(FIRST_FILE);
        String concurrent = Files.readString(files.get(1));
        assertThat(concurrent)
                .contains("outside a transaction, statement by statement")
                .contains("V2__add_items_2_of_4.sql.conf")
                .contains("statement_timeout = '0'")
                .contains("--   2. CREATE INDEX CONCURRENTLY item_quantity_idx")
                .contains("--      hazards: INDEX_BUILD")
                .contains("INVALID index")
                .contains("flyway.postgresql.transactional.lock=false")
                .endsWith(
                        "CREATE INDEX CONCURRENTLY item_quantity_idx ON public.item USING btree"
                                + " (quantity);\n");
        assertThat(Files.readString(files.get(4)))
                .contains("--      hazards: VALIDATES_DATA")
                .contains("--      note: 12 rows to check")
                .contains("ALTER TABLE public.item VALIDATE CONSTRAINT item_shelf_fk;");
        assertThat(Files.readString(files.get(3)))
                .doesNotContain("VALIDATE CONSTRAINT")
                .contains("NOT VALID;");
    }

    @Test
    void oneGroupNeedsNoSuffixAndThePlanDelegates() throws IOException {
        PgMigrationPlan plan =
                PgMigrationPlan.of(
                        List.of(new PgMigrationStatement("CREATE TABLE t ()", true, Set.of(), "")));
        List<Path> files = plan.writeFlyway(dir, "create t");
        assertThat(files).containsExactly(dir.resolve("V1__create_t.sql"));
        assertThat(Files.readString(files.get(0)))
                .contains("-- Written by PG-ORM from a verified plan: create t.\n")
                .contains(
                        "-- Sets no lock_timeout or statement_timeout: the connection's own apply.\n")
                .endsWith("\nCREATE TABLE t ();\n");
    }

    @Test
    void aPlanWithoutTimeoutsIsGroupedWhereTransactionalChanges() throws IOException {
        PgMigrationPlan plan =
                PgMigrationPlan.of(
                        List.of(
                                new PgMigrationStatement(
                                        "CREATE TABLE t (a int)", true, Set.of(), ""),
                                new PgMigrationStatement(
                                        "ALTER TABLE t ADD b int", true, Set.of(), ""),
                                new PgMigrationStatement(
                                        "CREATE INDEX CONCURRENTLY ta ON t (a)",
                                        false,
                                        Set.of(),
                                        ""),
                                new PgMigrationStatement(
                                        "CREATE INDEX CONCURRENTLY tb ON t (b)",
                                        false,
                                        Set.of(),
                                        ""),
                                new PgMigrationStatement(
                                        "COMMENT ON TABLE t IS 'x'", true, Set.of(), "")));

        List<Path> files = plan.writeFlyway(dir, "t");

        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "V1__t_1_of_3.sql",
                        "V2__t_2_of_3.sql",
                        "V2__t_2_of_3.sql.conf",
                        "V3__t_3_of_3.sql");
        assertThat(Files.readString(files.get(0))).contains("ADD b int;").doesNotContain("INDEX");
        assertThat(Files.readString(files.get(1)))
                .contains("--   1. CREATE INDEX CONCURRENTLY ta")
                .contains("--   2. CREATE INDEX CONCURRENTLY tb")
                .doesNotContain("COMMENT ON");
    }

    @Test
    void continuesAfterTheHighestIntegerVersionInTheFolderAndItsSubfolders() throws IOException {
        Files.writeString(dir.resolve("V1__init.sql"), "");
        Files.writeString(dir.resolve("V2.5__patch.sql"), "");
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old/V9__archived.sql"), "");
        Files.writeString(dir.resolve("R__views.sql"), "");
        Files.writeString(dir.resolve("V12__notes.txt"), "");

        List<Path> files = FlywayWriter.write(fourGroups(), dir, "next", CLOCK);

        assertThat(files.get(0).getFileName().toString()).isEqualTo("V10__next_1_of_4.sql");
        assertThat(files.get(4).getFileName().toString()).isEqualTo("V13__next_4_of_4.sql");
    }

    @Test
    void keepsTheZeroPaddingOfTheHighestVersion() throws IOException {
        Files.writeString(dir.resolve("V009__init.sql"), "");
        assertThat(FlywayWriter.write(plan(), dir, "next", CLOCK))
                .containsExactly(dir.resolve("V010__next.sql"));
        assertThat(FlywayWriter.versions("0099", 2, CLOCK)).containsExactly("0100", "0101");
        assertThat(FlywayWriter.versions(null, 2, CLOCK)).containsExactly("1", "2");
    }

    @Test
    void usesTimestampsWhenTheFolderDoes() throws IOException {
        Files.writeString(dir.resolve("V1__baseline.sql"), "");
        Files.writeString(dir.resolve("V20260101120000__init.sql"), "");

        List<Path> files = FlywayWriter.write(fourGroups(), dir, "next", CLOCK);

        assertThat(files.stream().filter(p -> p.toString().endsWith(".sql")))
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "V20261207060000__next_1_of_4.sql",
                        "V20261207060001__next_2_of_4.sql",
                        "V20261207060002__next_3_of_4.sql",
                        "V20261207060003__next_4_of_4.sql");
    }

    @Test
    void timestampsNeverGoBackBeforeTheHighest() {
        // the highest was written by a clock ahead of ours
        assertThat(FlywayWriter.versions("20271231235959", 2, CLOCK))
                .containsExactly("20280101000000", "20280101000001");
        // 14 digits that are no time (month 13) are an integer
        assertThat(FlywayWriter.versions("20261399000000", 1, CLOCK))
                .containsExactly("20261399000001");
    }

    @Test
    void sanitisesTheDescription() {
        assertThat(FlywayWriter.sanitize("Add orders & customers!"))
                .isEqualTo("Add_orders_customers");
        assertThat(FlywayWriter.sanitize("  añadir   pedidos ")).isEqualTo("anadir_pedidos");
        assertThat(FlywayWriter.sanitize("split__by-dash.and/slash"))
                .isEqualTo("split_by_dash_and_slash");
        assertThat(FlywayWriter.sanitize("x".repeat(200))).hasSize(FlywayWriter.MAX_DESCRIPTION);
        assertThat(FlywayWriter.sanitize("a ".repeat(40) + "b")).doesNotEndWith("_").hasSize(79);
        assertThatThrownBy(() -> FlywayWriter.sanitize("!!! ---"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no letters or digits");
        assertThatThrownBy(() -> FlywayWriter.sanitize(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyPlanWritesNothing() {
        Path missing = dir.resolve("db/migration");
        assertThat(PgMigrationPlan.of(List.of()).writeFlyway(missing, "nothing")).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void refusesAFileForAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("migrations"), "not a folder");
        assertThatThrownBy(() -> FlywayWriter.write(plan(), file, "x", CLOCK))
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("is a file, not a folder");
        assertThatThrownBy(() -> FlywayWriter.write(plan(), file.resolve("sub"), "x", CLOCK))
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("cannot create the folder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void writesNothingWhenOneNameIsTaken() throws IOException {
        // an orphan .conf of the second file: the first file must not be written either
        Files.writeString(
                dir.resolve("V2__add_items_2_of_4.sql.conf"), "executeInTransaction=true\n");

        assertThatThrownBy(() -> FlywayWriter.write(fourGroups(), dir, "add items", CLOCK))
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("V2__add_items_2_of_4.sql.conf exists already");
        assertThat(names(dir)).containsExactly("V2__add_items_2_of_4.sql.conf");
    }

    @Test
    void marksSqlWithFlywayPlaceholderSyntaxAsNoTemplate() throws IOException {
        PgMigrationPlan plan =
                PgMigrationPlan.of(
                        List.of(
                                new PgMigrationStatement(
                                        "COMMENT ON TABLE t IS 'costs ${amount}'",
                                        true,
                                        Set.of(PgMigrationHazard.HAS_DEPENDENTS),
                                        "")));
        List<Path> files = plan.writeFlyway(dir, "comment");
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("V1__comment.sql", "V1__comment.sql.conf");
        assertThat(Files.readString(files.get(1))).isEqualTo("placeholderReplacement=false\n");
    }

    private static List<PgMigrationStatement> plan() {
        return List.of(new PgMigrationStatement("CREATE TABLE t ()", true, Set.of(), ""));
    }
}
