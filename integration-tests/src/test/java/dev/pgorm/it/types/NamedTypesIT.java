package dev.pgorm.it.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgSqlTypes;
import io.hypersistence.utils.hibernate.type.basic.Inet;
import io.hypersistence.utils.hibernate.type.basic.PostgreSQLLTreeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Type;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * hstore, ltree, citext, macaddr through {@code PgSqlTypes}, and Hypersistence Utils' types with
 * schema export and without {@code columnDefinition}, in text and binary mode.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamedTypesIT {

    // tag::named[]
    @Entity(name = "Device")
    @Table(name = "device")
    static class Device {
        @Id Long id;

        @JdbcTypeCode(PgSqlTypes.HSTORE)
        Map<String, String> labels; // hstore

        @JdbcTypeCode(PgSqlTypes.LTREE)
        String category; // ltree

        @JdbcTypeCode(PgSqlTypes.CITEXT)
        String owner; // citext

        @JdbcTypeCode(PgSqlTypes.MACADDR)
        String mac; // macaddr

        Inet address; // inet, Hypersistence Utils' Inet needs no annotation
        Period warranty; // interval, through Hypersistence Utils

        @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
        Duration uptime; // interval, Hibernate's own mapping

        @Type(PostgreSQLLTreeType.class)
        String legacyPath; // ltree: a Hypersistence @Type no longer needs columnDefinition
    }

    // end::named[]

    private TransferModes modes;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        modes = new TransferModes(db, List.of(Device.class));
    }

    @AfterAll
    void close() {
        modes.close();
    }

    @Test
    void schemaExportGivesEachColumnItsType(PgTestDatabase db) {
        Map<String, String> types = db.sql().columnTypes("device");
        assertThat(types)
                .containsEntry("labels", "hstore")
                .containsEntry("category", "ltree")
                .containsEntry("owner", "citext")
                .containsEntry("mac", "macaddr")
                .containsEntry("address", "inet")
                .containsEntry("warranty", "interval")
                .containsEntry("uptime", "interval second(6)")
                .containsEntry("legacypath", "ltree");
    }

    private static Device typical(long id) {
        Device d = new Device();
        d.id = id;
        d.labels = new LinkedHashMap<>();
        d.labels.put("rack", "B-12");
        d.labels.put("quote\"and\\backslash", "ünï ☃ 🚀");
        d.labels.put("no value", null);
        d.category = "Hardware.Network.Switch";
        d.owner = "Ops@Example.com";
        d.mac = "08:00:2b:01:02:03";
        d.address = new Inet("192.168.100.128/25");
        d.warranty = Period.of(2, 6, 15);
        d.uptime = Duration.ofDays(3).plusMillis(1500);
        d.legacyPath = "a.b.c";
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void valuesRoundTripAndInPlaceChangesAreWritten(String mode) {
        long id = mode.equals(TransferModes.TEXT) ? 1 : 2;
        SessionFactory sf = modes.sf(mode);
        sf.inTransaction(s -> s.persist(typical(id)));
        Device read = sf.fromTransaction(s -> s.find(Device.class, id));
        assertThat(read)
                .usingRecursiveComparison()
                .ignoringFields("address")
                .isEqualTo(typical(id));
        assertThat(read.address.getAddress()).isEqualTo("192.168.100.128/25");

        sf.inTransaction(
                s -> {
                    Device d = s.find(Device.class, id);
                    d.labels.put("rack", "C-01"); // changed in place
                    d.labels.remove("no value");
                });
        Map<String, String> labels = sf.fromTransaction(s -> s.find(Device.class, id).labels);
        assertThat(labels).containsEntry("rack", "C-01").doesNotContainKey("no value").hasSize(2);

        Device empty = new Device();
        empty.id = id + 10;
        empty.labels = Map.of();
        sf.inTransaction(s -> s.persist(empty));
        Device readEmpty = sf.fromTransaction(s -> s.find(Device.class, id + 10));
        assertThat(readEmpty).usingRecursiveComparison().isEqualTo(empty);
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferModes.TEXT, TransferModes.BINARY})
    void parametersUseTheServerTypesOperators(String mode) {
        long id = mode.equals(TransferModes.TEXT) ? 21 : 22;
        SessionFactory sf = modes.sf(mode);
        sf.inTransaction(s -> s.persist(typical(id)));
        // tag::named-queries[]
        // citext compares without case, also with a parameter from HQL
        List<Long> byOwner =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select d.id from Device d where d.owner = :owner and d.id = :id",
                                                Long.class)
                                        .setParameter("owner", "OPS@example.COM")
                                        .setParameter("id", id)
                                        .getResultList());
        // ltree and hstore operators in native SQL
        List<Long> underNetwork =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                "select id from device where category <@ cast(:root as ltree)"
                                                        + " and labels -> 'rack' = :rack and id = :id",
                                                Long.class)
                                        .setParameter("root", "Hardware.Network")
                                        .setParameter("rack", "B-12")
                                        .setParameter("id", id)
                                        .getResultList());
        // end::named-queries[]
        assertThat(byOwner).containsExactly(id);
        assertThat(underNetwork).containsExactly(id);

        List<Long> byMapAndPath =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select d.id from Device d where d.labels = :labels"
                                                        + " and d.category = :category and d.mac = :mac",
                                                Long.class)
                                        .setParameter("labels", typical(id).labels)
                                        .setParameter("category", "Hardware.Network.Switch")
                                        .setParameter("mac", "08-00-2B-01-02-03")
                                        .getResultList());
        assertThat(byMapAndPath).contains(id);
    }

    @Test
    void macaddrIsStoredInPostgresCanonicalForm() {
        SessionFactory sf = modes.sf(TransferModes.TEXT);
        Device d = new Device();
        d.id = 31L;
        d.mac = "08-00-2B-01-02-03";
        sf.inTransaction(s -> s.persist(d));
        String mac = sf.fromTransaction(s -> s.find(Device.class, 31L).mac);
        assertThat(mac).isEqualTo("08:00:2b:01:02:03");
    }

    @Test
    void badValuesFailWithTheServersOrOurMessageAndLoseNothing() {
        SessionFactory sf = modes.sf(TransferModes.TEXT);
        Device ok = typical(41);
        sf.inTransaction(s -> s.persist(ok));

        Device badPath = typical(42);
        badPath.category = "not a valid path!";
        assertThatThrownBy(() -> sf.inTransaction(s -> s.persist(badPath)))
                .hasStackTraceContaining("ltree");

        Device nullKey = typical(43);
        nullKey.labels = new java.util.HashMap<>();
        nullKey.labels.put(null, "x");
        assertThatThrownBy(() -> sf.inTransaction(s -> s.persist(nullKey)))
                .hasStackTraceContaining("hstore keys cannot be null");

        Device badMac = typical(44);
        badMac.mac = "not-a-mac";
        assertThatThrownBy(() -> sf.inTransaction(s -> s.persist(badMac)))
                .hasStackTraceContaining("macaddr");

        Device stillThere = sf.fromTransaction(s -> s.find(Device.class, 41L));
        assertThat(stillThere).usingRecursiveComparison().ignoringFields("address").isEqualTo(ok);
        Long failed =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select count(*) from Device d where d.id between 42 and 44",
                                                Long.class)
                                        .getSingleResult());
        assertThat(failed).isZero();
    }

    @Test
    void updateTwiceAndValidateKeepEveryRow(PgTestDatabase db) {
        SessionFactory sf = modes.sf(TransferModes.TEXT);
        sf.inTransaction(s -> s.persist(typical(51)));
        long before = db.sql().queryValue("select count(*) from device", Long.class);
        for (String action : List.of("update", "update", "validate")) {
            db.close(
                    db.entityManagerFactory(
                            List.of(Device.class), Map.of(AvailableSettings.HBM2DDL_AUTO, action)));
        }
        assertThat(db.sql().queryValue("select count(*) from device", Long.class))
                .isEqualTo(before);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select labels -> 'rack' from device where id = 51",
                                        String.class))
                .isEqualTo("B-12");
    }
}
