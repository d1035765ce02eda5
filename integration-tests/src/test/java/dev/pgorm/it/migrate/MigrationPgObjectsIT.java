package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.constraint.ExclusionConstraint;
import dev.pgorm.ddl.extension.PgExtension;
import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.junit.jupiter.api.Test;

/** A new table with PG-ORM's objects: extensions, an exclusion constraint and a trigram index. */
@PgTest
class MigrationPgObjectsIT {

    @Entity(name = "Room")
    @Table(name = "room")
    public static class Room {
        @Id Long id;
    }

    @Entity(name = "Booking")
    @Table(name = "booking")
    @PgExtension("btree_gist")
    @PgExtension("pg_trgm")
    @ExclusionConstraint(
            name = "booking_no_overlap",
            elements = {"roomId WITH =", "during WITH &&"})
    @PgIndex(
            name = "booking_note_trgm",
            columns = "note",
            method = IndexMethod.GIN,
            opclass = "gin_trgm_ops")
    public static class Booking {
        @Id Long id;

        long roomId;

        @Column(columnDefinition = "tstzrange")
        @ColumnTransformer(write = "?::tstzrange")
        String during;

        String note;
    }

    @Test
    void aNewTableGetsItsExtensionsExclusionConstraintAndIndexMethods(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Room.class)) {
            c.execute("insert into room (id) values (1)");
            PgMigrationPlan plan = c.planner(Room.class, Booking.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .startsWith(
                            "CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public",
                            "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith("CREATE TABLE public.booking (")
                                            .contains(
                                                    "CONSTRAINT booking_no_overlap EXCLUDE USING gist (roomid WITH =, during WITH &&)"))
                    .contains(
                            "CREATE INDEX booking_note_trgm ON public.booking USING gin (note public.gin_trgm_ops)");
            assertThat(plan.hazards()).isEmpty();
            c.applyAndReplan(plan, "room", 1, Room.class, Booking.class);
        }
    }
}
