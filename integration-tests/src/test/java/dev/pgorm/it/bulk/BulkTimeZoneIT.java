package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkObserver;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.bulk.PgCopyFormat;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dates and times that Hibernate converts when it binds them (to UTC, to the JVM's zone, to {@code
 * hibernate.jdbc.time_zone}) are stored by both COPY formats as {@code persist} stores them, with
 * the JVM in a zone other than UTC.
 */
@PgTest
class BulkTimeZoneIT {

    @Entity(name = "Clock")
    @Table(name = "clock")
    public static class Clock {
        @Id Long id;

        /** Hibernate 7 normalises it to UTC in a time column. */
        OffsetTime ot;

        /** Normalised to the JVM's zone in a timestamp column. */
        @TimeZoneStorage(TimeZoneStorageType.NORMALIZE)
        OffsetDateTime odt;

        /** Written as its wall time in the JVM's zone. */
        @JdbcTypeCode(SqlTypes.TIMESTAMP)
        Instant inst;

        Timestamp ts;

        LocalTime lt;

        Time t;

        @Column(columnDefinition = "timestamptz")
        LocalDateTime ldt;

        /** Hibernate's default for an OffsetDateTime: the instant, stored as it is. */
        OffsetDateTime plain;

        Clock() {}

        Clock(long id) {
            this.id = id;
            LocalDateTime noon = LocalDateTime.of(2024, 1, 15, 12, 0);
            this.ot = OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(5));
            this.odt = OffsetDateTime.of(noon, ZoneOffset.ofHours(5));
            this.inst = Instant.parse("2024-01-15T12:00:00Z");
            this.ts = Timestamp.valueOf(noon);
            this.lt = LocalTime.NOON;
            this.t = Time.valueOf(LocalTime.NOON);
            this.ldt = noon;
            this.plain = OffsetDateTime.of(noon, ZoneOffset.ofHours(5));
        }

        /** What Hibernate reads back, compared between a persisted and a bulk-written row. */
        String read() {
            return String.join(
                    " ",
                    String.valueOf(ot),
                    String.valueOf(odt == null ? null : odt.toInstant()),
                    String.valueOf(inst),
                    String.valueOf(ts == null ? null : ts.toInstant()),
                    String.valueOf(lt),
                    String.valueOf(t == null ? null : t.toLocalTime()),
                    String.valueOf(ldt),
                    String.valueOf(plain == null ? null : plain.toInstant()));
        }
    }

    /** The stored values as text, independent of the reading session's zone. */
    private static final String STORED =
            """
            select concat_ws(' ', ot::text, odt::text, inst::text, ts::text, lt::text, t::text,
                             (ldt at time zone 'UTC')::text, (plain at time zone 'UTC')::text)
            from clock where id = ?
            """;

    private final List<PgCopyFormat> formats = new ArrayList<>();
    private TimeZone jvmZone;

    @BeforeEach
    void berlin(PgTestDatabase db) {
        db.resetSchema();
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(jvmZone);
    }

    @ParameterizedTest(name = "{0} format, hibernate.jdbc.time_zone={1}")
    @CsvSource({"binary, ''", "text, ''", "binary, UTC", "text, UTC"})
    void bulkStoresWhatPersistStores(String format, String jdbcZone, PgTestDatabase db) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(PgBulkSettings.COPY_FORMAT, format);
        settings.put(PgBulkSettings.COPY_THRESHOLD, "0");
        settings.put(
                PgBulkSettings.OBSERVER,
                new PgBulkObserver() {
                    @Override
                    public void completed(String operation, long rows, long nanos) {}

                    @Override
                    public void copied(String operation, PgCopyFormat f, long rows) {
                        formats.add(f);
                    }
                });
        if (!jdbcZone.isEmpty()) {
            settings.put(AvailableSettings.JDBC_TIME_ZONE, jdbcZone);
        }
        SessionFactory sf = db.entityManagerFactory(List.of(Clock.class), settings);
        sf.inTransaction(em -> em.persist(new Clock(1)));
        sf.inTransaction(em -> PgBulk.insert(em, List.of(new Clock(2))));
        assertThat(formats).containsExactly(PgCopyFormat.valueOf(format.toUpperCase()));

        String persisted = db.sql().queryValue(STORED, String.class, 1L);
        assertThat(db.sql().queryValue(STORED, String.class, 2L)).isEqualTo(persisted);
        // the plain OffsetDateTime is the instant 07:00Z wherever the JVM is
        assertThat(persisted).endsWith(" 2024-01-15 07:00:00");
        String persistedRead = sf.fromTransaction(s -> s.find(Clock.class, 1L).read());
        String bulkRead = sf.fromTransaction(s -> s.find(Clock.class, 2L).read());
        assertThat(bulkRead).isEqualTo(persistedRead);
        db.close(sf);
    }
}
