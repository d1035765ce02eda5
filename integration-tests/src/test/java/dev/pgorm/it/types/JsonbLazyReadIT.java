package dev.pgorm.it.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Map and List JSON attributes are parsed on first use: loaded and flushed untouched, they cost no
 * parse, no copy and no serialization; the configured format mapper does the parsing; and the
 * values behave as the maps and lists Jackson makes.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonbLazyReadIT {

    @Entity(name = "Sensor")
    @Table(name = "sensor")
    static class Sensor {
        @Id Long id;
        String name;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> settings;

        @JdbcTypeCode(SqlTypes.JSON)
        List<Object> readings;
    }

    /** A tag whose equals() looks at the name only: a change of colour must still be written. */
    public static class Tag {
        public String name;
        public String color;

        public Tag() {}

        Tag(String name, String color) {
            this.name = name;
            this.color = color;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tag t && Objects.equals(name, t.name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    /** A document with containers a structural copy cannot rebuild as they are. */
    public record Schedule(EnumSet<DayOfWeek> days, Set<Tag> tags, ArrayDeque<String> queue) {}

    @Entity(name = "Shift")
    @Table(name = "shift")
    static class Shift {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.JSON)
        Schedule schedule;
    }

    /** Calibration data with a JSON document, embedded in a station. */
    @Embeddable
    public static class Calibration {
        String method;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> params;
    }

    /** A channel of a station, an element of a collection, with a JSON document. */
    @Embeddable
    public static class Channel {
        String label;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> config;
    }

    @Entity(name = "Station")
    @Table(name = "station")
    static class Station {
        @Id Long id;

        @Embedded Calibration calibration;

        @ElementCollection
        @CollectionTable(name = "station_channel")
        @OrderColumn
        List<Channel> channels = new ArrayList<>();
    }

    /** The application's format mapper: Hibernate's Jackson one, counting its calls. */
    public static final class CountingFormatMapper implements FormatMapper {
        static final AtomicInteger PARSES = new AtomicInteger();
        static final AtomicInteger SERIALIZATIONS = new AtomicInteger();
        private final FormatMapper jackson = new JacksonJsonFormatMapper();

        @Override
        public <T> T fromString(
                CharSequence charSequence, JavaType<T> javaType, WrapperOptions options) {
            PARSES.incrementAndGet();
            return jackson.fromString(charSequence, javaType, options);
        }

        @Override
        public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
            SERIALIZATIONS.incrementAndGet();
            return jackson.toString(value, javaType, options);
        }
    }

    private static final UpdateCounter UPDATES = new UpdateCounter();

    private static final int N = 200;

    private TransferModes modes;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        modes =
                new TransferModes(
                        db,
                        List.of(Sensor.class, Shift.class, Station.class),
                        Map.of(
                                AvailableSettings.JSON_FORMAT_MAPPER,
                                CountingFormatMapper.class.getName(),
                                AvailableSettings.STATEMENT_INSPECTOR,
                                UPDATES));
    }

    @AfterAll
    void close() {
        modes.close();
    }

    @BeforeEach
    void fill(PgTestDatabase db) {
        db.execute(
                "delete from sensor",
                "delete from shift",
                "delete from station_channel",
                "delete from station");
        SessionFactory sf = modes.sf(TransferModes.TEXT);
        sf.inTransaction(
                s -> {
                    for (long i = 1; i <= 20; i++) {
                        Station station = new Station();
                        station.id = i;
                        station.calibration = new Calibration();
                        station.calibration.method = "two-point";
                        station.calibration.params =
                                new LinkedHashMap<>(Map.of("offset", 0.5, "gain", 1.02));
                        for (int c = 0; c < 3; c++) {
                            Channel channel = new Channel();
                            channel.label = "ch" + c;
                            channel.config = new LinkedHashMap<>(Map.of("rate", 10 * (c + 1)));
                            station.channels.add(channel);
                        }
                        s.persist(station);
                    }
                    for (long i = 1; i <= N; i++) {
                        Sensor sensor = new Sensor();
                        sensor.id = i;
                        sensor.name = "sensor " + i;
                        sensor.settings = new LinkedHashMap<>();
                        sensor.settings.put("unit", "°C");
                        sensor.settings.put("limits", Map.of("min", -40, "max", 125));
                        sensor.readings = new ArrayList<>(List.of(21.5, 22, "n/a"));
                        s.persist(sensor);
                    }
                });
        CountingFormatMapper.PARSES.set(0);
        CountingFormatMapper.SERIALIZATIONS.set(0);
        UPDATES.updates.set(0);
        UPDATES.writes.set(0);
    }

    private List<Station> loadStations(org.hibernate.Session s) {
        return s.createSelectionQuery(
                        "select distinct st from Station st left join fetch st.channels order by st.id",
                        Station.class)
                .getResultList();
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void documentsInEmbeddablesAndElementCollectionsAreReadLazilyToo(String mode) {
        modes.sf(mode)
                .inTransaction(
                        s -> {
                            List<Station> all = loadStations(s);
                            assertThat(all).hasSize(20);
                            assertThat(all.get(0).channels).hasSize(3);
                            assertThat(all.get(0).calibration.method).isEqualTo("two-point");
                        });
        assertThat(CountingFormatMapper.PARSES).hasValue(0);
        assertThat(CountingFormatMapper.SERIALIZATIONS).hasValue(0);
        assertThat(UPDATES.writes).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void changesInsideEmbeddedAndCollectionDocumentsAreWritten(String mode, PgTestDatabase db) {
        modes.sf(mode)
                .inTransaction(
                        s -> {
                            List<Station> all = loadStations(s);
                            all.get(2).calibration.params.put("gain", 0.98);
                            all.get(5).channels.get(1).config.put("rate", 25);
                        });
        // one UPDATE of the station, one of the changed channel row
        assertThat(UPDATES.writes).hasValue(2);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select params->>'gain' || ' ' || ("
                                                + "select string_agg(c.config->>'rate', ',' order by c.channels_order)"
                                                + " from station_channel c where c.station_id = 6)"
                                                + " from station where id = 3",
                                        String.class))
                .isEqualTo("0.98 10,25,30");
        // the rest is untouched
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from station where params->>'gain' = '1.02'",
                                        Long.class))
                .isEqualTo(19L);
    }

    private List<Sensor> loadAll(org.hibernate.Session s) {
        return s.createSelectionQuery("from Sensor order by id", Sensor.class).getResultList();
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void untouchedDocumentsAreNeverParsedCopiedOrWritten(String mode) {
        // tag::lazy[]
        modes.sf(mode).inTransaction(s -> assertThat(loadAll(s)).hasSize(N));
        assertThat(CountingFormatMapper.PARSES).hasValue(0); // the application's FormatMapper
        // end::lazy[]
        assertThat(CountingFormatMapper.SERIALIZATIONS).hasValue(0);
        assertThat(UPDATES.updates).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void readingOneDocumentParsesOnlyThatOneAndWritesNothing(String mode) {
        modes.sf(mode)
                .inTransaction(
                        s -> {
                            Sensor first = loadAll(s).get(0);
                            assertThat(first.settings)
                                    .containsEntry("unit", "°C")
                                    .isEqualTo(
                                            Map.of(
                                                    "unit",
                                                    "°C",
                                                    "limits",
                                                    Map.of("min", -40, "max", 125)));
                            assertThat(first.readings).containsExactly(21.5, 22, "n/a");
                        });
        // the two documents read, and their snapshots at flush to compare with
        assertThat(CountingFormatMapper.PARSES).hasValue(4);
        assertThat(UPDATES.updates).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void aChangeInsideADocumentIsWritten(String mode, PgTestDatabase db) {
        modes.sf(mode)
                .inTransaction(
                        s -> {
                            List<Sensor> all = loadAll(s);
                            @SuppressWarnings("unchecked")
                            Map<String, Object> limits =
                                    (Map<String, Object>) all.get(4).settings.get("limits");
                            limits.put("max", 150);
                            all.get(7).readings.add(23.25);
                        });
        assertThat(UPDATES.updates).hasValue(2);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select settings->'limits'->>'max' from sensor where id = 5",
                                        String.class))
                .isEqualTo("150");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select jsonb_array_length(readings) from sensor where id = 8",
                                        Integer.class))
                .isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void anUnreadDocumentIsWrittenBackAsReadWhenAnotherAttributeChanges(
            String mode, PgTestDatabase db) {
        String before =
                db.sql().queryValue("select settings::text from sensor where id = 3", String.class);
        modes.sf(mode).inTransaction(s -> s.find(Sensor.class, 3L).name = "renamed");
        assertThat(UPDATES.updates).hasValue(1);
        assertThat(CountingFormatMapper.SERIALIZATIONS).hasValue(0);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select settings::text from sensor where id = 3",
                                        String.class))
                .isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void aDetachedDocumentIsReadAfterTheSessionAndSerializesAsAPlainMap(String mode)
            throws Exception {
        Sensor detached = modes.sf(mode).fromTransaction(s -> s.find(Sensor.class, 9L));
        assertThat(CountingFormatMapper.PARSES).hasValue(0);
        assertThat(detached.settings).containsEntry("unit", "°C");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(detached.settings);
            out.writeObject(detached.readings);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Object settings = in.readObject();
            Object readings = in.readObject();
            assertThat(settings).isInstanceOf(LinkedHashMap.class).isEqualTo(detached.settings);
            assertThat(readings).isInstanceOf(ArrayList.class).isEqualTo(detached.readings);
        }

        detached.settings.put("unit", "K");
        modes.sf(mode).inTransaction(s -> s.merge(detached));
        String unit =
                modes.sf(mode)
                        .fromTransaction(
                                s -> (String) s.find(Sensor.class, 9L).settings.get("unit"));
        assertThat(unit).isEqualTo("K");
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void aJsonNullDocumentIsANullAttribute(String mode, PgTestDatabase db) {
        db.execute("update sensor set settings = 'null'::jsonb where id = 11");
        Map<String, Object> settings =
                modes.sf(mode).fromTransaction(s -> s.find(Sensor.class, 11L).settings);
        assertThat(settings).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void twoChangesInOneSessionAndAValueTheCopyCannotWalkAreAllWritten(
            String mode, PgTestDatabase db) {
        modes.sf(mode)
                .inTransaction(
                        s -> {
                            Sensor sensor = s.find(Sensor.class, 12L);
                            sensor.settings.put("unit", "K");
                            s.flush();
                            sensor.settings.put("unit", "°F");
                            // a java.util.Date: the structural copy falls back to the JSON text
                            sensor.settings.put("since", new java.util.Date(0));
                        });
        assertThat(UPDATES.updates).hasValue(2);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select settings->>'unit' || ' ' || (settings->>'since')"
                                                + " from sensor where id = 12",
                                        String.class))
                .isEqualTo("°F 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void enumSetsDequesAndSetsOfObjectsAreComparedByContent(String mode, PgTestDatabase db) {
        SessionFactory sf = modes.sf(mode);
        long id = mode.equals(TransferModes.TEXT) ? 1 : 2;
        sf.inTransaction(
                s -> {
                    Shift shift = new Shift();
                    shift.id = id;
                    shift.schedule =
                            new Schedule(
                                    EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                    new HashSet<>(Set.of(new Tag("night", "blue"))),
                                    new ArrayDeque<>(List.of("a", "b")));
                    s.persist(shift);
                });
        UPDATES.updates.set(0);
        sf.inTransaction(s -> assertThat(s.find(Shift.class, id).schedule.days()).hasSize(2));
        assertThat(UPDATES.updates).hasValue(0);

        sf.inTransaction(
                s -> s.find(Shift.class, id).schedule.tags().iterator().next().color = "red");
        assertThat(UPDATES.updates).hasValue(1);
        sf.inTransaction(s -> s.find(Shift.class, id).schedule.days().add(DayOfWeek.SUNDAY));
        assertThat(UPDATES.updates).hasValue(2);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select (schedule->'tags'->0->>'color') || ' '"
                                                + " || jsonb_array_length(schedule->'days')"
                                                + " from shift where id = ?",
                                        String.class,
                                        id))
                .isEqualTo("red 3");
    }

    @org.junit.jupiter.api.Test
    void aDocumentThatDoesNotFitFailsOnFirstUseNamingTheTypeAndTheText(PgTestDatabase db) {
        db.execute("update sensor set settings = '[1, 2]'::jsonb where id = 13");
        Sensor sensor =
                modes.sf(TransferModes.TEXT).fromTransaction(s -> s.find(Sensor.class, 13L));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sensor.settings.get("unit"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.util.Map<java.lang.String, java.lang.Object>")
                .hasMessageContaining("[1, 2]");
    }
}
