package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.bulk.PgBulkObserver;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.bulk.PgCopyFormat;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which COPY format a call writes: binary where every column's type has an encoder, text for a
 * table with another type ({@code tsvector}) or with {@code pgorm.bulk.copy_format=text}; and a bad
 * value on the binary path fails as on the text path, naming its row and column.
 */
@PgTest
class BulkCopyFormatIT {

    @Entity(name = "Note")
    @Table(name = "note")
    public static class Note {
        @Id Long id;
        String body;

        @Column(columnDefinition = "tsvector")
        String words;

        Note() {}

        Note(long id) {
            this.id = id;
            this.body = "note " + id;
            this.words = "alpha beta";
        }
    }

    @Entity(name = "Gauge")
    @Table(name = "gauge")
    public static class Gauge {
        @Id Long id;

        @Column(columnDefinition = "smallint")
        Integer level;

        @Column(columnDefinition = "integer check (reading >= 0)")
        Integer reading;

        /** An Instant in a timestamp column: written as its UTC wall time, as text COPY does. */
        @Column(columnDefinition = "timestamp")
        Instant at;

        /** A UUID in a text column. */
        @JdbcTypeCode(SqlTypes.VARCHAR)
        UUID tag;

        Gauge() {}

        Gauge(long id) {
            this.id = id;
            this.level = (int) id % 100;
            this.reading = (int) id;
            this.at = Instant.parse("1999-12-31T23:59:59.123456Z").plusSeconds(id);
            this.tag = new UUID(id, -id);
        }
    }

    @Entity(name = "Embedding")
    @Table(name = "embedding")
    public static class Embedding {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 3)
        float[] vector;

        Embedding() {}

        Embedding(long id) {
            this.id = id;
            this.vector = new float[] {id, -0.5f, Float.MIN_VALUE};
        }
    }

    record Copied(String operation, PgCopyFormat format, long rows) {}

    private final List<Copied> copied = new ArrayList<>();

    @BeforeEach
    void fresh(PgTestDatabase db) {
        db.resetSchema();
        copied.clear();
    }

    private SessionFactory factory(PgTestDatabase db, String format, Class<?> entity) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(
                PgBulkSettings.OBSERVER,
                new PgBulkObserver() {
                    @Override
                    public void completed(String operation, long rows, long nanos) {}

                    @Override
                    public void copied(String operation, PgCopyFormat format, long rows) {
                        copied.add(new Copied(operation, format, rows));
                    }
                });
        if (format != null) {
            settings.put(PgBulkSettings.COPY_FORMAT, format);
        }
        return db.entityManagerFactory(List.of(entity), settings);
    }

    @Test
    void binaryByDefaultForInsertUpsertAndUpdate(PgTestDatabase db) {
        SessionFactory sf = factory(db, null, Gauge.class);
        sf.inTransaction(
                em -> {
                    PgBulk.insert(em, LongStream.range(0, 300).mapToObj(Gauge::new));
                    PgBulk.upsert(
                            em,
                            LongStream.range(200, 500).mapToObj(Gauge::new),
                            PgConflict.onId().doUpdate());
                    PgBulk.update(em, LongStream.range(0, 250).mapToObj(Gauge::new));
                });
        assertThat(copied)
                .containsExactly(
                        new Copied("insert", PgCopyFormat.BINARY, 300),
                        new Copied("upsert", PgCopyFormat.BINARY, 300),
                        new Copied("update", PgCopyFormat.BINARY, 250));
        assertThat(db.sql().queryValue("select sum(reading) from gauge", Long.class))
                .isEqualTo(LongStream.range(0, 500).sum());
        Gauge twin = new Gauge(7);
        twin.id = 1_000_007L;
        sf.inTransaction(em -> em.persist(twin));
        String row = "select at::text || ' ' || tag from gauge where id = ?";
        assertThat(db.sql().queryValue(row, String.class, 7L))
                .isEqualTo("2000-01-01 00:00:06.123456 00000000-0000-0007-ffff-fffffffffff9")
                .isEqualTo(db.sql().queryValue(row, String.class, 1_000_007L));
        db.close(sf);
    }

    @Test
    void aColumnTypeWithoutEncoderMakesTheTableText(PgTestDatabase db) {
        SessionFactory sf = factory(db, "binary", Note.class);
        sf.inTransaction(em -> PgBulk.insert(em, LongStream.range(0, 300).mapToObj(Note::new)));
        assertThat(copied).containsExactly(new Copied("insert", PgCopyFormat.TEXT, 300));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from note where words @@ 'beta'::tsquery"
                                                + " and body = 'note ' || id",
                                        Long.class))
                .isEqualTo(300L);
        db.close(sf);
    }

    @Test
    void theTextSettingTurnsBinaryOff(PgTestDatabase db) {
        SessionFactory sf = factory(db, "text", Gauge.class);
        sf.inTransaction(em -> PgBulk.insert(em, LongStream.range(0, 300).mapToObj(Gauge::new)));
        assertThat(copied).containsExactly(new Copied("insert", PgCopyFormat.TEXT, 300));
        db.close(sf);
    }

    @Test
    void anUnknownFormatIsNamed(PgTestDatabase db) {
        SessionFactory sf = factory(db, "csv", Gauge.class);
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        em ->
                                                PgBulk.insert(
                                                        em,
                                                        LongStream.range(0, 300)
                                                                .mapToObj(Gauge::new))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "pgorm.bulk.copy_format is \"csv\"; set it to binary (the default) or"
                                + " text");
        db.close(sf);
    }

    /** Inserts in a transaction that is rolled back; returns the failure. */
    private static PgBulkException failing(org.hibernate.Session s, List<Gauge> rows) {
        s.beginTransaction();
        try {
            PgBulk.insert(s, rows);
            throw new AssertionError("the bulk insert should have failed");
        } catch (PgBulkException e) {
            return e;
        } finally {
            s.getTransaction().rollback();
        }
    }

    @Test
    void aBadValueNamesItsRowAndColumnAndTheConnectionStaysUsable(PgTestDatabase db) {
        SessionFactory sf = factory(db, null, Gauge.class);
        try (var s = sf.openSession()) {
            List<Gauge> rows =
                    new ArrayList<>(LongStream.range(0, 500).mapToObj(Gauge::new).toList());
            rows.get(123).level = 70_000; // out of range for smallint, refused while encoding
            PgBulkException range = failing(s, rows);
            assertThat(range.row()).isEqualTo(123);
            assertThat(range.column()).isEqualTo("level");
            assertThat(range).hasMessageContaining("smallint out of range: 70000");

            rows.get(123).level = 1;
            rows.get(321).reading = -1; // the check constraint, found by the server
            PgBulkException check = failing(s, rows);
            assertThat(check.row()).isEqualTo(321);
            assertThat(check).hasMessageContaining("gauge_reading_check");

            rows.get(321).reading = 1;
            s.beginTransaction();
            assertThat(PgBulk.insert(s, rows)).isEqualTo(500);
            s.getTransaction().commit();
        }
        assertThat(copied).extracting(Copied::format).containsExactly(PgCopyFormat.BINARY);
        assertThat(db.sql().queryValue("select count(*) from gauge", Long.class)).isEqualTo(500L);
        db.close(sf);
    }

    @Test
    void vectorsAreWrittenInBinary(PgTestDatabase db) {
        db.requireExtension("vector");
        db.execute("create extension if not exists vector");
        SessionFactory sf = factory(db, null, Embedding.class);
        sf.inTransaction(
                em -> PgBulk.insert(em, LongStream.range(0, 300).mapToObj(Embedding::new)));
        assertThat(copied).containsExactly(new Copied("insert", PgCopyFormat.BINARY, 300));
        Embedding e = sf.fromTransaction(s -> s.find(Embedding.class, 7L));
        assertThat(e.vector).containsExactly(7f, -0.5f, Float.MIN_VALUE);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select vector::text from embedding where id = 2",
                                        String.class))
                .isEqualTo("[2,-0.5,1e-45]");
        db.close(sf);
    }
}
