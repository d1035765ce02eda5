package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.constraint.ExclusionConstraint;
import dev.pgorm.ddl.extension.PgExtension;
import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.migrate.PgMigrationHazard;
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

    @Entity(name = "Booking")
    @Table(name = "booking")
    @PgExtension("btree_gist")
    @PgExtension("pg_trgm")
    @PgIndex(
            name = "booking_note_trgm",
            columns = "note",
            method = IndexMethod.GIN,
            opclass = "gin_trgm_ops")
    public static class BookingWithoutConstraint {
        @Id Long id;

        long roomId;

        @Column(columnDefinition = "tstzrange")
        @ColumnTransformer(write = "?::tstzrange")
        String during;

        String note;
    }

    @Entity(name = "Place")
    @Table(name = "place")
    @PgExtension("postgis")
    public static class Place {
        @Id Long id;

        @Column(columnDefinition = "geometry(Point, 4326)")
        String location;
    }

    @Test
    void anExclusionConstraintIsAddedToAPopulatedTable(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Room.class, BookingWithoutConstraint.class)) {
            c.execute(
                    "insert into booking (id, roomid, during, note) values"
                            + " (1, 1, '[2026-01-01,2026-01-02)', 'a'),"
                            + " (2, 1, '[2026-01-02,2026-01-03)', 'b')");
            PgMigrationPlan plan =
                    c.planner(Room.class, Booking.class)
                            .allow(
                                    PgMigrationHazard.INDEX_BUILD,
                                    PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK,
                                    PgMigrationHazard.VALIDATES_DATA)
                            .plan();
            assertThat(plan.statements())
                    .filteredOn(s -> !s.sql().startsWith("SET ") && !s.sql().startsWith("COMMENT "))
                    .singleElement()
                    .satisfies(
                            s -> {
                                assertThat(s.sql())
                                        .isEqualTo(
                                                "ALTER TABLE public.booking ADD CONSTRAINT booking_no_overlap"
                                                        + " EXCLUDE USING gist (roomid WITH =, during WITH &&)");
                                assertThat(s.hazards())
                                        .containsExactlyInAnyOrder(
                                                PgMigrationHazard.INDEX_BUILD,
                                                PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK,
                                                PgMigrationHazard.VALIDATES_DATA);
                                assertThat(s.note()).isEqualTo("2 rows checked under the lock");
                            });
            c.applyAndReplan(plan, "booking", 2, Room.class, Booking.class);
        }
    }

    @Test
    void aDatabaseWithPostgisInItsSchemaPlansEmpty(PgTestDatabase db) {
        db.requireAvailable("postgis");
        // PostGIS comments on hundreds of its functions: extension objects are not the entities'
        try (MigrationCase c = MigrationCase.of(db, Place.class)) {
            c.execute("insert into place (id, location) values (1, 'SRID=4326;POINT(1 2)')");
            assertThat(c.planner(Place.class).plan().statements()).isEmpty();
        }
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
