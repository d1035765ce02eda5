package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.bulk.PgBulkResult;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tables whose shape the bulk writes must respect: a NOT NULL column PgBulk does not write (an
 * identity the migrations added), and identifiers whose column type has a modifier, which a cast
 * would cut or round into another row's.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkTableShapesIT {

    @Entity(name = "Meter")
    @Table(name = "meter")
    public static class Meter {
        @Id Long id;

        String name;
    }

    @Entity(name = "Ticket")
    @Table(name = "ticket")
    public static class Ticket {
        @Id
        @Column(length = 10)
        String code;

        String title;
    }

    @Entity(name = "Reading")
    @Table(name = "shape_reading")
    public static class Reading {
        @Id
        @Column(precision = 10, scale = 0)
        BigDecimal id;

        String title;
    }

    @Entity(name = "Slot")
    @Table(name = "slot")
    public static class Slot {
        @Id Long id;

        String name;
    }

    @Entity(name = "Gauge")
    @Table(name = "gauge")
    public static class Gauge {
        @Id @GeneratedValue long id; // primitive: 0 is "unsaved"

        String name;
    }

    @Entity(name = "Blob")
    @Table(name = "shape_blob")
    public static class Blob {
        @Id
        @JdbcTypeCode(SqlTypes.BINARY)
        UUID id;

        String name;
    }

    @Entity(name = "Badge")
    @Table(name = "badge")
    public static class Badge {
        @Id Long id;

        String name;

        @Column(updatable = false, nullable = false)
        String issuer;
    }

    public enum Grade {
        LOW,
        MID,
        HIGH
    }

    @Entity(name = "Level")
    @Table(name = "shape_level")
    public static class Level {
        @Id
        @Enumerated(EnumType.ORDINAL)
        Grade grade;

        String name;
    }

    SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf =
                db.entityManagerFactory(
                        Meter.class,
                        Ticket.class,
                        Reading.class,
                        Slot.class,
                        Gauge.class,
                        Blob.class,
                        Badge.class,
                        Level.class);
        db.execute(
                "alter table slot add constraint slot_name_excl exclude using btree (name with =)");
        // a column no entity maps, NOT NULL and filled by the database
        db.execute("alter table meter add column seq_no bigint generated always as identity");
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        db.execute(
                "delete from meter",
                "delete from ticket",
                "delete from shape_reading",
                "delete from slot",
                "delete from gauge",
                "delete from shape_blob",
                "delete from badge",
                "delete from shape_level");
    }

    static List<Meter> meters(int from, int to, String prefix) {
        return IntStream.range(from, to)
                .mapToObj(
                        i -> {
                            Meter m = new Meter();
                            m.id = (long) i;
                            m.name = prefix + i;
                            return m;
                        })
                .toList();
    }

    @Test
    void upsertAndUpdateLeaveANotNullColumnTheyDoNotWriteToTheDatabase(PgTestDatabase db) {
        sf.inTransaction(em -> PgBulk.insert(em, meters(0, 100, "old ")));
        PgBulkResult r =
                sf.fromTransaction(
                        em -> PgBulk.upsert(em, meters(50, 150, "new "), PgConflict.onId()));
        assertThat(r.inserted()).isEqualTo(50);
        assertThat(r.updated()).isEqualTo(50);
        long updated = sf.fromTransaction(em -> PgBulk.update(em, meters(0, 10, "changed ")));
        assertThat(updated).isEqualTo(10);

        assertThat(db.sql().queryValue("select count(*) from meter", Long.class)).isEqualTo(150);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(distinct seq_no) from meter where seq_no is"
                                                + " not null",
                                        Long.class))
                .isEqualTo(150);
        assertThat(sf.fromTransaction(s -> s.find(Meter.class, 5L)).name).isEqualTo("changed 5");
        assertThat(sf.fromTransaction(s -> s.find(Meter.class, 60L)).name).isEqualTo("new 60");
        assertThat(sf.fromTransaction(s -> s.find(Meter.class, 20L)).name).isEqualTo("old 20");
    }

    @Test
    void deleteDoesNotCutAnIdentifierIntoAnotherRows(PgTestDatabase db) {
        db.execute(
                "insert into ticket (code, title) values ('ABCDEFGHIJ', 'kept'), ('SHORT', 'gone')",
                "insert into shape_reading (id, title) values (5, 'kept'), (7, 'gone')");

        long tickets =
                sf.fromTransaction(
                        em ->
                                PgBulk.delete(
                                        em, Ticket.class, List.of("ABCDEFGHIJKLMNOP", "SHORT")));
        long readings =
                sf.fromTransaction(
                        em ->
                                PgBulk.delete(
                                        em,
                                        Reading.class,
                                        List.of(new BigDecimal("5.4"), new BigDecimal("7"))));

        assertThat(tickets).isEqualTo(1);
        assertThat(readings).isEqualTo(1);
        assertThat(db.sql().queryValue("select string_agg(code, ',') from ticket", String.class))
                .isEqualTo("ABCDEFGHIJ");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg(title, ',') from shape_reading",
                                        String.class))
                .isEqualTo("kept");
    }

    @Test
    void anExclusionConstraintTakesDoNothingAndDoUpdateIsRefusedBeforeAnySql(PgTestDatabase db) {
        db.execute("insert into slot (id, name) values (1, 'taken')");
        List<Slot> slots =
                IntStream.range(2, 5)
                        .mapToObj(
                                i -> {
                                    Slot s = new Slot();
                                    s.id = (long) i;
                                    s.name = i == 2 ? "taken" : "free " + i;
                                    return s;
                                })
                        .toList();
        PgBulkResult r =
                sf.fromTransaction(
                        em -> {
                            assertThatThrownBy(
                                            () ->
                                                    PgBulk.upsert(
                                                            em,
                                                            slots,
                                                            PgConflict.onConstraint(
                                                                    "slot_name_excl")))
                                    .isInstanceOf(IllegalArgumentException.class)
                                    .hasMessageContaining("exclusion constraint")
                                    .hasMessageContaining("doNothing()");
                            assertThatThrownBy(
                                            () ->
                                                    PgBulk.upsert(
                                                            em,
                                                            slots,
                                                            PgConflict.onConstraint("no_such")))
                                    .isInstanceOf(IllegalArgumentException.class)
                                    .hasMessageContaining("no constraint named no_such");
                            // the transaction goes on
                            return PgBulk.upsert(
                                    em,
                                    slots,
                                    PgConflict.onConstraint("slot_name_excl").doNothing());
                        });
        assertThat(r.inserted()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg(id || ':' || name, ',' order by id)"
                                                + " from slot",
                                        String.class))
                .isEqualTo("1:taken,3:free 3,4:free 4");
    }

    @Test
    void updateRefusesAnUnsavedPrimitiveIdentifierAndGivesItNoNewOne(PgTestDatabase db) {
        Gauge saved = new Gauge();
        saved.name = "saved";
        sf.inTransaction(em -> PgBulk.insert(em, List.of(saved)));
        assertThat(saved.id).isPositive();
        Gauge unsaved = new Gauge();
        unsaved.name = "never saved";
        assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.update(em, List.of(saved, unsaved))))
                .isInstanceOf(PgBulkException.class)
                .hasMessageContaining("row 1 has no identifier");
        assertThat(unsaved.id).isZero();
        assertThat(db.sql().queryValue("select string_agg(name, ',') from gauge", String.class))
                .isEqualTo("saved");
    }

    @Test
    void deleteByIdentifiersStoredAsBytes(PgTestDatabase db) {
        List<Blob> blobs =
                IntStream.range(0, 3)
                        .mapToObj(
                                i -> {
                                    Blob b = new Blob();
                                    b.id = UUID.randomUUID();
                                    b.name = "blob " + i;
                                    return b;
                                })
                        .toList();
        sf.inTransaction(em -> blobs.forEach(em::persist));
        long deleted =
                sf.fromTransaction(
                        em ->
                                PgBulk.delete(
                                        em, Blob.class, List.of(blobs.get(0).id, blobs.get(2).id)));
        assertThat(deleted).isEqualTo(2);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg(name, ',') from shape_blob",
                                        String.class))
                .isEqualTo("blob 1");
    }

    @Test
    void updateOfEntitiesWithoutAnInsertOnlyValueKeepsTheRowsValue(PgTestDatabase db) {
        List<Badge> issued =
                LongStream.range(1, 4)
                        .mapToObj(
                                i -> {
                                    Badge b = new Badge();
                                    b.id = i;
                                    b.name = "badge " + i;
                                    b.issuer = "issuer " + i;
                                    return b;
                                })
                        .toList();
        sf.inTransaction(em -> PgBulk.insert(em, issued));
        // built from a form: the insert-only (NOT NULL) column is left null
        List<Badge> renamed =
                LongStream.range(1, 3)
                        .mapToObj(
                                i -> {
                                    Badge b = new Badge();
                                    b.id = i;
                                    b.name = "renamed " + i;
                                    return b;
                                })
                        .toList();
        long updated = sf.fromTransaction(em -> PgBulk.update(em, renamed));
        assertThat(updated).isEqualTo(2);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg(name || '/' || issuer, ',' order by id)"
                                                + " from badge",
                                        String.class))
                .isEqualTo("renamed 1/issuer 1,renamed 2/issuer 2,badge 3/issuer 3");
    }

    @Test
    void deleteByEnumIdentifiersStoredAsOrdinals(PgTestDatabase db) {
        db.execute(
                "insert into shape_level (grade, name) values (0, 'low'), (1, 'mid'), (2, 'high')");
        long deleted =
                sf.fromTransaction(
                        em -> PgBulk.delete(em, Level.class, List.of(Grade.LOW, Grade.HIGH)));
        assertThat(deleted).isEqualTo(2);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg(name, ',') from shape_level",
                                        String.class))
                .isEqualTo("mid");
    }
}
