package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values at the edges of what COPY writes, in both formats, stored as {@code persist} stores them
 * or refused naming their row and column: {@code java.util.Date} dates and times, years before 1
 * and after 9999, numbers beyond {@code double precision} and {@code real}, a float in a double
 * column, bit vectors, and a date beyond PostgreSQL's.
 */
@PgTest
class BulkValueEdgesIT {

    /** {@code @Temporal} is deprecated but still how a {@code java.util.Date} is mapped. */
    @SuppressWarnings("deprecation")
    @Entity(name = "Edge")
    @Table(name = "edge")
    public static class Edge {
        @Id Long id;

        @Temporal(TemporalType.DATE)
        Date day;

        @Temporal(TemporalType.TIME)
        Date clock;

        LocalDate date;

        LocalDateTime stamp;

        @Column(columnDefinition = "double precision")
        BigDecimal wide;

        @Column(columnDefinition = "real")
        BigDecimal narrow;

        @Column(columnDefinition = "double precision")
        Float single;

        Instant moment;

        Edge() {}

        Edge(long id) {
            this.id = id;
            this.day = new Date(1_705_320_000_000L); // 2024-01-15T12:00Z
            this.clock = new Date(1_705_320_000_123L); // with milliseconds
            this.date = LocalDate.of(2024, 1, 15);
            this.stamp = LocalDateTime.of(2024, 1, 15, 12, 0);
            this.wide = new BigDecimal("0.5");
            this.narrow = new BigDecimal("0.25");
            this.single = 0.1f;
        }
    }

    @Entity(name = "Bits")
    @Table(name = "bits")
    public static class Bits {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.VECTOR_BINARY)
        @Array(length = 8)
        byte[] bits;

        Bits() {}

        Bits(long id) {
            this.id = id;
            this.bits = new byte[] {(byte) 0b1010_0001};
        }
    }

    private static final String STORED =
            """
            select concat_ws(' ', day::text, clock::text, date::text, stamp::text, wide::text,
                             narrow::text, single::text)
            from edge where id = ?
            """;

    @BeforeEach
    void fresh(PgTestDatabase db) {
        db.resetSchema();
    }

    private static SessionFactory factory(PgTestDatabase db, String format, Class<?> entity) {
        return db.entityManagerFactory(
                List.of(entity),
                Map.of(PgBulkSettings.COPY_FORMAT, format, PgBulkSettings.COPY_THRESHOLD, "0"));
    }

    /** Persists one row (id 1) and bulk-inserts another (id 2) made alike by {@code edit}. */
    private static void both(SessionFactory sf, Consumer<Edge> edit) {
        Edge persisted = new Edge(1);
        Edge bulk = new Edge(2);
        edit.accept(persisted);
        edit.accept(bulk);
        sf.inTransaction(s -> s.persist(persisted));
        sf.inTransaction(s -> PgBulk.insert(s, List.of(bulk)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "text"})
    void datesTimesAndFloatsAsPersistStoresThem(String format, PgTestDatabase db) {
        SessionFactory sf = factory(db, format, Edge.class);
        both(sf, e -> {});
        String persisted = db.sql().queryValue(STORED, String.class, 1L);
        assertThat(db.sql().queryValue(STORED, String.class, 2L)).isEqualTo(persisted);
        assertThat(persisted)
                .isEqualTo(
                        "2024-01-15 12:00:00 2024-01-15 2024-01-15 12:00:00 0.5 0.25"
                                + " 0.10000000149011612");
        Edge read = sf.fromTransaction(s -> s.find(Edge.class, 2L));
        assertThat(read.single).isEqualTo(0.1f);
        assertThat(read.day.toString()).isEqualTo("2024-01-15");
        db.close(sf);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "text"})
    void yearsBeforeOneAndAfter9999(String format, PgTestDatabase db) {
        SessionFactory sf = factory(db, format, Edge.class);
        both(
                sf,
                e -> {
                    e.date = LocalDate.of(0, 3, 1);
                    e.stamp = LocalDateTime.of(12_345, 6, 7, 8, 9, 10);
                });
        String sql = "select date::text || ' ' || stamp::text from edge where id = ?";
        assertThat(db.sql().queryValue(sql, String.class, 2L))
                .isEqualTo(db.sql().queryValue(sql, String.class, 1L))
                .isEqualTo("0001-03-01 BC 12345-06-07 08:09:10");
        // Hibernate reads year 0 back as 1 (java.sql.Date drops the era), alike for both rows
        Edge persisted = sf.fromTransaction(s -> s.find(Edge.class, 1L));
        Edge read = sf.fromTransaction(s -> s.find(Edge.class, 2L));
        assertThat(read.date).isEqualTo(persisted.date);
        assertThat(read.stamp)
                .isEqualTo(persisted.stamp)
                .isEqualTo(LocalDateTime.of(12_345, 6, 7, 8, 9, 10));

        sf.inTransaction(
                s -> {
                    Edge far = new Edge(3);
                    far.date = LocalDate.of(-99, 12, 31);
                    far.stamp = LocalDateTime.of(-4000, 1, 1, 0, 0);
                    PgBulk.insert(s, List.of(far));
                });
        assertThat(db.sql().queryValue(sql, String.class, 3L))
                .isEqualTo("0100-12-31 BC 4001-01-01 00:00:00 BC");
        db.close(sf);
    }

    /** Inserts 300 rows, the 123rd made bad by {@code edit}, and returns the failure. */
    private static PgBulkException failing(Session s, Consumer<Edge> edit) {
        List<Edge> rows = LongStream.range(0, 300).mapToObj(Edge::new).toList();
        edit.accept(rows.get(123));
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

    @ParameterizedTest
    @ValueSource(strings = {"binary", "text"})
    void anInstantBeyondJavasOffsetsNamesRowAndColumn(String format, PgTestDatabase db) {
        SessionFactory sf = factory(db, format, Edge.class);
        try (Session s = sf.openSession()) {
            PgBulkException e = failing(s, x -> x.moment = Instant.MAX);
            assertThat(e.row()).isEqualTo(123);
            assertThat(e.column()).isEqualTo("moment");
        }
        db.close(sf);
    }

    @Test
    void numbersBeyondDoubleAndRealAndDatesBeyondPostgresqlNameRowAndColumn(PgTestDatabase db) {
        SessionFactory sf = factory(db, "binary", Edge.class);
        try (Session s = sf.openSession()) {
            PgBulkException wide = failing(s, e -> e.wide = new BigDecimal("1e400"));
            assertThat(wide.row()).isEqualTo(123);
            assertThat(wide.column()).isEqualTo("wide");
            assertThat(wide).hasMessageContaining("double precision out of range: 1E+400");

            PgBulkException tiny = failing(s, e -> e.wide = new BigDecimal("-1e-400"));
            assertThat(tiny.column()).isEqualTo("wide");

            PgBulkException narrow = failing(s, e -> e.narrow = new BigDecimal("1e-400"));
            assertThat(narrow.row()).isEqualTo(123);
            assertThat(narrow.column()).isEqualTo("narrow");
            assertThat(narrow).hasMessageContaining("real out of range: 1E-400");

            PgBulkException date = failing(s, e -> e.date = LocalDate.of(6_000_000, 1, 1));
            assertThat(date.row()).isEqualTo(123);
            assertThat(date.column()).isEqualTo("date");
            assertThat(date).hasMessage("row 123, column date: date out of range: +6000000-01-01");

            // the connection is still usable
            s.beginTransaction();
            Edge zero = new Edge(1000);
            zero.wide = BigDecimal.ZERO;
            zero.narrow = new BigDecimal("0E-400");
            assertThat(PgBulk.insert(s, List.of(zero))).isEqualTo(1);
            s.getTransaction().commit();
        }
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select wide::text || ' ' || narrow::text from edge",
                                        String.class))
                .isEqualTo("0 0");
        db.close(sf);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "text"})
    void bitVectors(String format, PgTestDatabase db) {
        db.requireExtension("vector");
        db.execute("create extension if not exists vector");
        SessionFactory sf = factory(db, format, Bits.class);
        sf.inTransaction(s -> s.persist(new Bits(1)));
        sf.inTransaction(s -> PgBulk.insert(s, List.of(new Bits(2))));
        String sql = "select bits::text from bits where id = ?";
        assertThat(db.sql().queryValue(sql, String.class, 2L))
                .isEqualTo(db.sql().queryValue(sql, String.class, 1L))
                .isEqualTo("10100001");
        assertThat(sf.fromTransaction(s -> s.find(Bits.class, 2L)).bits)
                .containsExactly((byte) 0b1010_0001);
        db.close(sf);
    }
}
