package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The desired state named by a persistence unit ({@code pgorm-migrate} in {@code
 * META-INF/persistence.xml}, which lists the {@link V2} classes and, as production units do, asks
 * for {@code validate} only): the planner still creates the unit's schema on its temporary
 * database, and the plan equals the one planned from the same classes.
 */
@PgTest
class MigrationPersistenceUnitIT {

    static final class V1 {
        @Entity(name = "Shelf")
        @Table(name = "shelf")
        public static class Shelf {
            @Id Long id;
            String label;
        }
    }

    /** The classes that the {@code pgorm-migrate} unit lists. */
    static final class V2 {
        @Entity(name = "Shelf")
        @Table(name = "shelf", indexes = @Index(name = "shelf_label_idx", columnList = "label"))
        public static class Shelf {
            @Id Long id;
            String label;
            Integer capacity;
        }

        @Entity(name = "Book")
        @Table(name = "book")
        public static class Book {
            @Id Long id;
            String title;
            @ManyToOne Shelf shelf;
        }
    }

    @Test
    void aPersistenceUnitNamesTheDesiredState(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Shelf.class)) {
            c.execute("insert into shelf (id, label) values (1, 'a'), (2, 'b')");
            PgMigrationPlan plan =
                    PgMigrations.planner()
                            .persistenceUnit("pgorm-migrate")
                            .scratch(db.jdbcUrl(), db.user(), db.password())
                            .fromDatabase(c.url(), db.user(), db.password())
                            .allow(PgMigrationHazard.INDEX_BUILD)
                            .plan();
            assertThat(MigrationCase.sql(plan))
                    .contains(
                            "ALTER TABLE public.shelf ADD COLUMN capacity integer",
                            "CREATE INDEX CONCURRENTLY shelf_label_idx ON public.shelf USING btree (label)")
                    .anyMatch(s -> s.startsWith("CREATE TABLE public.book ("));
            assertThat(MigrationCase.sql(plan))
                    .as("the same plan as from the unit's classes")
                    .isEqualTo(
                            MigrationCase.sql(
                                    c.planner(V2.Shelf.class, V2.Book.class)
                                            .allow(PgMigrationHazard.INDEX_BUILD)
                                            .plan()));
            c.applyAndReplan(plan, "shelf", 2, V2.Shelf.class, V2.Book.class);
        }
    }

    @Test
    void anUnknownPersistenceUnitFailsNamingIt(PgTestDatabase db) {
        assertThatThrownBy(
                        () ->
                                PgMigrations.planner()
                                        .persistenceUnit("no-such-unit")
                                        .scratch(db.jdbcUrl(), db.user(), db.password())
                                        .fromMigrations(Path.of("no-such-folder"))
                                        .plan())
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("no-such-unit");
    }
}
