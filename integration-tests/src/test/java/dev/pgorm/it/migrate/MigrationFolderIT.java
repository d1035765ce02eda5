package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The current state replayed from a migration folder, written from earlier plans. */
@PgTest
class MigrationFolderIT {

    static final class V1 {
        @Entity(name = "Item")
        @Table(name = "item")
        public static class Item {
            @Id Long id;

            String label;
        }
    }

    static final class V2 {
        @Entity(name = "Item")
        @Table(name = "item")
        public static class Item {
            @Id Long id;

            String label;

            Integer quantity;
        }

        @Entity(name = "Shelf")
        @Table(name = "shelf")
        public static class Shelf {
            @Id Long id;
        }
    }

    @Test
    void plansFromReplayedMigrations(PgTestDatabase db, @TempDir Path dir) throws IOException {
        Path migrations = dir.resolve("db/migration");
        // tag::folder[]
        PgMigrationPlan plan =
                PgMigrations.planner()
                        .entities(V1.Item.class)
                        .scratch(db.jdbcUrl(), db.user(), db.password())
                        .fromMigrations(migrations) // missing folder: an empty schema
                        .plan();
        // end::folder[]
        assertThat(MigrationCase.sql(plan))
                .hasSize(1)
                .allMatch(s -> s.startsWith("CREATE TABLE public.item"));
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__items.sql"), plan + "\n");

        PgMigrationPlan next =
                PgMigrations.planner()
                        .entities(V2.Item.class, V2.Shelf.class)
                        .scratch(db.jdbcUrl(), db.user(), db.password())
                        .fromMigrations(migrations)
                        .plan();
        assertThat(MigrationCase.sql(next))
                .containsExactly(
                        "CREATE TABLE public.shelf (\n    id bigint NOT NULL,\n    CONSTRAINT shelf_pkey PRIMARY KEY (id)\n)",
                        "ALTER TABLE public.item ADD COLUMN quantity integer");
        Files.writeString(migrations.resolve("V10__shelves.sql"), next + "\n");

        assertThat(
                        PgMigrations.planner()
                                .entities(V2.Item.class, V2.Shelf.class)
                                .scratch(db.jdbcUrl(), db.user(), db.password())
                                .fromMigrations(migrations)
                                .plan()
                                .isEmpty())
                .isTrue();
    }
}
