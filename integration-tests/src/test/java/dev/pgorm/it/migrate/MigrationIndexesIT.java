package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.statistics.PgStatistics;
import dev.pgorm.ddl.statistics.StatisticsKind;
import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

/**
 * Indexes added, changed and dropped concurrently, an invalid index rebuilt, and extended
 * statistics created and replaced.
 */
@PgTest
class MigrationIndexesIT {

    static final class V1 {
        @Entity(name = "Note")
        @Table(
                name = "note",
                indexes = {
                    @Index(name = "note_title_idx", columnList = "title"),
                    @Index(name = "note_body_idx", columnList = "body")
                })
        public static class Note {
            @Id Long id;

            String title;

            String body;

            String author;
        }
    }

    static final class V2 {
        @Entity(name = "Note")
        @Table(
                name = "note",
                indexes = {
                    @Index(name = "note_title_idx", columnList = "title, author"),
                    @Index(name = "note_author_idx", columnList = "author")
                })
        @PgIndex(
                name = "note_lower_title_idx",
                expression = "lower(title)",
                method = IndexMethod.HASH)
        public static class Note {
            @Id Long id;

            String title;

            String body;

            String author;
        }
    }

    static final class St1 {
        @Entity(name = "Place")
        @Table(name = "place")
        public static class Place {
            @Id Long id;
            String city;
            String zip;
        }
    }

    static final class St2 {
        @Entity(name = "Place")
        @Table(name = "place")
        @PgStatistics(
                name = "place_city_zip",
                kinds = StatisticsKind.DEPENDENCIES,
                columns = {"city", "zip"})
        public static class Place {
            @Id Long id;
            String city;
            String zip;
        }
    }

    static final class St3 {
        @Entity(name = "Place")
        @Table(name = "place")
        @PgStatistics(
                name = "place_city_zip",
                kinds = {StatisticsKind.DEPENDENCIES, StatisticsKind.MCV},
                columns = {"city", "zip"})
        public static class Place {
            @Id Long id;
            String city;
            String zip;
        }
    }

    @Test
    void statisticsAreCreatedAndAChangedOneReplaced(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, St1.Place.class)) {
            c.execute("insert into place (id, city, zip) values (1, 'a', '1'), (2, 'b', '2')");
            PgMigrationPlan plan = c.planner(St2.Place.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .hasSize(2)
                    .startsWith(
                            "CREATE STATISTICS public.place_city_zip (dependencies) ON city, zip FROM public.place");
            assertThat(MigrationCase.sql(plan).get(1))
                    .startsWith("COMMENT ON STATISTICS public.place_city_zip IS 'pgorm:");
            assertThat(plan.hazards()).isEmpty();
            c.applyAndReplan(plan, "place", 2, St2.Place.class);

            PgMigrationPlan changed = c.planner(St3.Place.class).plan();
            assertThat(MigrationCase.sql(changed))
                    .startsWith(
                            "DROP STATISTICS public.place_city_zip",
                            "CREATE STATISTICS public.place_city_zip (dependencies, mcv) ON city, zip FROM public.place");
            c.applyAndReplan(changed, "place", 2, St3.Place.class);
        }
    }

    @Test
    void indexesAreBuiltAndDroppedConcurrently(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Note.class)) {
            c.execute(
                    "insert into note (id, title, body, author) values (1, 't', 'b', 'a'), (2, 'u', 'c', 'd')");
            assertThatThrownBy(() -> c.planner(V2.Note.class).plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("INDEX_BUILD")
                    .hasMessageContaining("INDEX_DROPPED")
                    .hasMessageContaining("DROP INDEX CONCURRENTLY public.note_body_idx");
            PgMigrationPlan plan =
                    c.planner(V2.Note.class)
                            .allow(PgMigrationHazard.INDEX_BUILD, PgMigrationHazard.INDEX_DROPPED)
                            .plan();
            assertThat(MigrationCase.sql(plan))
                    .containsExactlyInAnyOrder(
                            "DROP INDEX CONCURRENTLY public.note_body_idx",
                            "CREATE INDEX CONCURRENTLY note_author_idx ON public.note USING btree (author)",
                            "CREATE INDEX CONCURRENTLY note_lower_title_idx ON public.note USING hash (lower((title)::text))",
                            "CREATE INDEX CONCURRENTLY note_title_idx_pgorm_new ON public.note USING btree (title, author)",
                            "DROP INDEX CONCURRENTLY public.note_title_idx",
                            "ALTER INDEX public.note_title_idx_pgorm_new RENAME TO note_title_idx",
                            "COMMENT ON INDEX public.note_lower_title_idx IS '"
                                    + fingerprint(plan)
                                    + "'");
            assertThat(plan.statements())
                    .filteredOn(s -> s.sql().contains("CONCURRENTLY"))
                    .allSatisfy(s -> assertThat(s.transactional()).isFalse());
            c.applyAndReplan(plan, "note", 2, V2.Note.class);
        }
    }

    /** PG-ORM's fingerprint comment of the new index, carried by the plan. */
    private static String fingerprint(PgMigrationPlan plan) {
        return MigrationCase.sql(plan).stream()
                .filter(s -> s.startsWith("COMMENT ON INDEX"))
                .map(s -> s.replaceAll(".*IS '(pgorm:[0-9a-f]+)'$", "$1"))
                .findFirst()
                .orElse("none");
    }

    @Test
    void anInvalidIndexLeftByAFailedBuildIsRebuilt(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Note.class)) {
            c.execute(
                    "update pg_index set indisvalid = false where indexrelid = 'note_body_idx'::regclass");
            PgMigrationPlan plan =
                    c.planner(V1.Note.class)
                            .allow(PgMigrationHazard.INDEX_BUILD, PgMigrationHazard.INDEX_DROPPED)
                            .plan();
            assertThat(MigrationCase.sql(plan))
                    .containsExactly(
                            "CREATE INDEX CONCURRENTLY note_body_idx_pgorm_new ON public.note USING btree (body)",
                            "DROP INDEX CONCURRENTLY public.note_body_idx",
                            "ALTER INDEX public.note_body_idx_pgorm_new RENAME TO note_body_idx");
            c.applyAndReplan(plan, "note", 0, V1.Note.class);
        }
    }
}
