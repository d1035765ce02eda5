package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.constraint.ExclusionConstraint;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An exclusion constraint that rejects overlapping bookings of one room. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExclusionConstraintIT {

    // tag::exclusion[]
    @Entity(name = "Booking")
    @Table(name = "booking")
    @ExclusionConstraint(
            name = "booking_no_overlap",
            using = "gist",
            elements = {"roomId WITH =", "during WITH &&"})
    static class Booking {
        @Id Long id;
        long roomId;

        @Column(columnDefinition = "tstzrange")
        @ColumnTransformer(write = "?::tstzrange")
        String during;
    }

    // end::exclusion[]

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Booking.class);
    }

    private void book(long id, long room, String during) {
        sf.inTransaction(
                s -> {
                    Booking b = new Booking();
                    b.id = id;
                    b.roomId = room;
                    b.during = during;
                    s.persist(b);
                    s.flush();
                });
    }

    @Test
    void overlappingBookingsAreRejected(PgTestDatabase db) {
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select pg_get_constraintdef(oid) from pg_constraint where conname = 'booking_no_overlap'",
                                        String.class))
                .isEqualTo("EXCLUDE USING gist (roomid WITH =, during WITH &&)");
        assertThat(db.capabilities().isInstalled("btree_gist")).isTrue();

        book(1, 101, "[2026-05-01 14:00+00, 2026-05-03 10:00+00)");
        book(2, 102, "[2026-05-01 14:00+00, 2026-05-03 10:00+00)");
        book(3, 101, "[2026-05-03 10:00+00, 2026-05-05 10:00+00)");

        assertThatThrownBy(() -> book(4, 101, "[2026-05-02 12:00+00, 2026-05-04 10:00+00)"))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("booking_no_overlap")
                .satisfies(
                        e ->
                                assertThat(((ConstraintViolationException) e).getSQLState())
                                        .isEqualTo("23P01"));
        // Hibernate 7.4's PostgreSQL dialect extracts constraint names only for SQLSTATE 23505,
        // 23514, 23503 and 23502, so getConstraintName() is null here; the message names it.
        assertThat(db.sql().queryValue("select count(*) from booking where id < 10", Long.class))
                .isEqualTo(3L);
    }

    @Test
    void updateFailsNamingAConstraintTheRowsViolate(PgTestDatabase db) {
        // rows written while the constraint was not there (an older version of the application)
        db.execute(
                "alter table booking drop constraint booking_no_overlap",
                "insert into booking (id, roomId, during) values"
                        + " (10, 301, '[2026-06-01, 2026-06-05)'), (11, 301, '[2026-06-03, 2026-06-08)')");
        assertThatThrownBy(
                        () ->
                                db.entityManagerFactory(
                                        java.util.List.of(Booking.class),
                                        java.util.Map.of("hibernate.hbm2ddl.auto", "update")))
                .hasStackTraceContaining("after schema update, missing or different")
                .hasStackTraceContaining("exclusion constraint booking_no_overlap");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from booking where roomId = 301",
                                        Long.class))
                .isEqualTo(2L);
        // once the rows are fixed, update adds the constraint
        db.execute("delete from booking where id = 11");
        db.schemaAction("update", Booking.class);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_constraint where conname = 'booking_no_overlap'",
                                        Long.class))
                .isEqualTo(1L);
    }

    /** The next version: only rooms below 1000 are checked. */
    @Entity(name = "Booking")
    @Table(name = "booking")
    @ExclusionConstraint(
            name = "booking_no_overlap",
            using = "gist",
            elements = {"roomId WITH =", "during WITH &&"},
            where = "roomId < 1000")
    static class BookingV2 {
        @Id Long id;
        long roomId;

        @Column(columnDefinition = "tstzrange")
        @ColumnTransformer(write = "?::tstzrange")
        String during;
    }

    @Test
    void updateReplacesAChangedConstraintAndValidateSeesIt(PgTestDatabase db) {
        assertThatThrownBy(
                        () ->
                                db.entityManagerFactory(
                                        java.util.List.of(BookingV2.class),
                                        java.util.Map.of("hibernate.hbm2ddl.auto", "validate")))
                .hasStackTraceContaining("exclusion constraint booking_no_overlap");
        try {
            db.schemaAction("update", BookingV2.class);
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select pg_get_constraintdef(oid) from pg_constraint where conname = 'booking_no_overlap'",
                                            String.class))
                    .contains("WHERE ((roomid < 1000))");
            db.schemaAction("validate", BookingV2.class);
        } finally {
            db.schemaAction("update", Booking.class);
        }
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select pg_get_constraintdef(oid) from pg_constraint where conname = 'booking_no_overlap'",
                                        String.class))
                .isEqualTo("EXCLUDE USING gist (roomid WITH =, during WITH &&)");
    }
}
