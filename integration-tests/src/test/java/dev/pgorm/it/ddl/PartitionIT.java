package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PartitionStrategy;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.partition.PgPartitionInfo;
import dev.pgorm.ddl.partition.PgPartitions;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.ddl.trigger.TouchOnUpdate;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.PartitionKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Partitioned tables, declared partitions and run-time partition management. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionIT {

    public static class EventId implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        LocalDate createdAt;

        @Override
        public boolean equals(Object o) {
            return o instanceof EventId e
                    && java.util.Objects.equals(id, e.id)
                    && java.util.Objects.equals(createdAt, e.createdAt);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(id, createdAt);
        }
    }

    // tag::partitioned[]
    @Entity(name = "Event")
    @Table(name = "event")
    @IdClass(EventId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "createdAt")
    @Partition(name = "event_2026", from = "2026-01-01", to = "2027-01-01")
    @Partition(name = "event_default", isDefault = true)
    @PgIndex(name = "event_kind_idx", columns = "kind")
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenant", setting = "app.tenant")
    @TouchOnUpdate("touchedAt")
    static class Event {
        @Id Long id;
        @Id LocalDate createdAt;
        String kind;
        String tenant;
        OffsetDateTime touchedAt;
    }

    // end::partitioned[]

    public static class TickId implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        java.time.Instant at;

        @Override
        public boolean equals(Object o) {
            return o instanceof TickId t
                    && java.util.Objects.equals(id, t.id)
                    && java.util.Objects.equals(at, t.at);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(id, at);
        }
    }

    /** Partitioned by a timestamptz: declared bounds without a zone are UTC. */
    @Entity(name = "Tick")
    @Table(name = "tick")
    @IdClass(TickId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "at")
    @Partition(name = "tick_2026", from = "2026-01-01", to = "2027-01-01")
    @Partition(name = "tick_default", isDefault = true)
    static class Tick {
        @Id Long id;
        @Id java.time.Instant at;
    }

    @Test
    void timestamptzBoundsAreUtcWhateverTheSessionZone(
            PgTestDatabase db, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path script = dir.resolve("tick.sql");
        db.close(
                db.entityManagerFactory(
                        List.of(Tick.class),
                        Map.of(
                                "hibernate.hbm2ddl.auto", "none",
                                "jakarta.persistence.schema-generation.scripts.action", "create",
                                "jakarta.persistence.schema-generation.scripts.create-target",
                                        script.toString(),
                                "hibernate.hbm2ddl.delimiter", ";")));
        java.nio.file.Path berlin = dir.resolve("berlin.sql");
        java.nio.file.Files.writeString(
                berlin,
                "set timezone = 'Europe/Berlin';\n" + java.nio.file.Files.readString(script));
        db.psql(berlin, db.schema() + ", public");
        db.execute(
                "insert into tick (id, at) values (1, '2026-12-31 23:30:00+00'),"
                        + " (2, '2026-01-01 00:30:00+00'), (3, '2027-01-01 00:00:00+00')");
        assertThat(
                        db.sql()
                                .query(
                                        "select id, tableoid::regclass::text as part from tick order by id"))
                .extracting(r -> r.get("part"))
                .containsExactly("tick_2026", "tick_2026", "tick_default");
    }

    @Entity(name = "Shipment")
    @Table(name = "shipment")
    @IdClass(ShipmentId.class)
    @Partitioned(strategy = PartitionStrategy.LIST, key = "region")
    @Partition(
            name = "shipment_eu",
            values = {"de", "fr"})
    @Partition(name = "shipment_us", values = "us")
    static class Shipment {
        @Id Long id;
        @Id String region;
    }

    public static class ShipmentId implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        String region;

        @Override
        public boolean equals(Object o) {
            return o instanceof ShipmentId s
                    && java.util.Objects.equals(id, s.id)
                    && java.util.Objects.equals(region, s.region);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(id, region);
        }
    }

    @Entity(name = "Metric")
    @Table(name = "metric")
    @IdClass(MetricId.class)
    @Partitioned(
            strategy = PartitionStrategy.RANGE,
            key = {"year", "month"})
    @Partition(
            name = "metric_2026_h1",
            from = {"2026", "1"},
            to = {"2026", "7"})
    @Partition(
            name = "metric_2026_h2",
            from = {"2026", "7"},
            to = {"2027", "1"})
    static class Metric {
        @Id int year;
        @Id int month;
        @Id String name;
    }

    public static class MetricId implements Serializable {
        private static final long serialVersionUID = 1L;
        int year;
        int month;
        String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof MetricId m
                    && year == m.year
                    && month == m.month
                    && java.util.Objects.equals(name, m.name);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(year, month, name);
        }
    }

    @Entity(name = "Reading")
    @Table(name = "reading")
    @Partitioned(strategy = PartitionStrategy.HASH)
    @Partition(name = "reading_h0", modulus = 2, remainder = 0)
    @Partition(name = "reading_h1", modulus = 2, remainder = 1)
    static class Reading {
        @Id @PartitionKey Long id;
        double value;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Event.class, Shipment.class, Reading.class, Metric.class);
        sf.inTransaction(
                s -> {
                    s.persist(event(1, LocalDate.of(2026, 3, 1), "a"));
                    s.persist(event(2, LocalDate.of(2026, 7, 1), "b"));
                    s.persist(event(3, LocalDate.of(2031, 1, 1), "a"));
                });
    }

    private static Event event(long id, LocalDate day, String tenant) {
        Event e = new Event();
        e.id = id;
        e.createdAt = day;
        e.kind = "k" + id;
        e.tenant = tenant;
        return e;
    }

    @Test
    @Order(1)
    void catalogHoldsTheDeclaredPartitions(PgTestDatabase db) {
        List<Map<String, Object>> parents =
                db.sql()
                        .query(
                                "select c.relname, p.partstrat::text as strat from pg_partitioned_table p join pg_class c on c.oid = p.partrelid"
                                        + " where c.relnamespace = current_schema()::regnamespace order by 1");
        assertThat(parents)
                .extracting(r -> r.get("relname") + ":" + r.get("strat"))
                .containsExactly("event:r", "metric:r", "reading:h", "shipment:l");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select pg_get_partkeydef('metric'::regclass)",
                                        String.class))
                .isEqualTo("RANGE (year, month)");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select pg_get_expr(relpartbound, oid) from pg_class where relname = 'metric_2026_h2' and relnamespace = current_schema()::regnamespace",
                                        String.class))
                .isEqualTo("FOR VALUES FROM (2026, 7) TO (2027, 1)");
        List<String> bounds =
                db
                        .sql()
                        .query(
                                "select c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) as b from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                                        + " where i.inhparent in ('event'::regclass, 'shipment'::regclass, 'reading'::regclass) order by 1")
                        .stream()
                        .map(r -> (String) r.get("b"))
                        .toList();
        assertThat(bounds)
                .containsExactly(
                        "event_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                        "event_default DEFAULT",
                        "reading_h0 FOR VALUES WITH (modulus 2, remainder 0)",
                        "reading_h1 FOR VALUES WITH (modulus 2, remainder 1)",
                        "shipment_eu FOR VALUES IN ('de', 'fr')",
                        "shipment_us FOR VALUES IN ('us')");
        assertThat(db.sql().queryValue("select count(*) from event_2026", Long.class))
                .isEqualTo(2L);
        assertThat(db.sql().queryValue("select count(*) from event_default", Long.class))
                .isEqualTo(1L);
    }

    @Test
    @Order(2)
    void indexesAndPoliciesReachEveryPartition(PgTestDatabase db) throws Exception {
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_indexes where schemaname = current_schema() and tablename in ('event_2026', 'event_default')"
                                                + " and indexdef like '%(kind)'",
                                        Long.class))
                .isEqualTo(2L);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select bool_and(relrowsecurity and relforcerowsecurity) from pg_class where oid in ('event_2026'::regclass, 'event_default'::regclass)",
                                        Boolean.class))
                .isTrue();
        assertThat(countAs(db, "a", "event_2026")).isEqualTo(1);
        assertThat(countAs(db, "b", "event_2026")).isEqualTo(1);
        assertThat(countAs(db, null, "event_2026")).isZero();
    }

    private static long countAs(PgTestDatabase db, String tenant, String table) throws Exception {
        try (Connection c = db.appRoleDataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                if (tenant != null) {
                    st.execute("select set_config('app.tenant', '" + tenant + "', true)");
                }
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    return rs.getLong(1);
                } finally {
                    c.rollback();
                }
            }
        }
    }

    @Test
    @Order(3)
    void ensureRangeCreatesMissingPartitionsOnce(PgTestDatabase db) throws Exception {
        // tag::ensure-range[]
        List<String> created =
                sf.fromTransaction(
                        em ->
                                PgPartitions.ensureRange(
                                        em,
                                        Event.class,
                                        LocalDate.of(2026, 6, 1),
                                        LocalDate.of(2027, 4, 1),
                                        Period.ofMonths(1)));
        // end::ensure-range[]
        assertThat(created)
                .containsExactly("event_p20270101", "event_p20270201", "event_p20270301");

        List<String> again =
                sf.fromTransaction(
                        em ->
                                PgPartitions.ensureRange(
                                        em,
                                        Event.class,
                                        LocalDate.of(2027, 1, 1),
                                        LocalDate.of(2027, 4, 1),
                                        Period.ofMonths(1)));
        assertThat(again).isEmpty();

        // New partitions get the parent's indexes and row triggers through PostgreSQL ...
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_indexes where schemaname = current_schema() and tablename = 'event_p20270201' and indexdef like '%(kind)'",
                                        Long.class))
                .isEqualTo(1L);
        // ... and their policies through PgPartitions.
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_policy where polrelid = 'event_p20270201'::regclass",
                                        Long.class))
                .isEqualTo(1L);
        sf.inTransaction(s -> s.persist(event(4, LocalDate.of(2027, 2, 14), "a")));
        assertThat(countAs(db, "a", "event_p20270201")).isEqualTo(1);
        assertThat(countAs(db, "b", "event_p20270201")).isZero();
        db.execute("update event set kind = 'changed' where id = 4");
        // A policy lost on a run-time partition comes back with the next update.
        db.execute(
                "drop policy tenant_isolation on event_p20270201",
                "alter table event_p20270201 disable row level security");
        db.schemaAction("update", Event.class, Shipment.class, Reading.class, Metric.class);
        assertThat(countAs(db, "b", "event_p20270201")).isZero();
        assertThat(countAs(db, "a", "event_p20270201")).isEqualTo(1);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select touchedAt is not null from event_p20270201 where id = 4",
                                        Boolean.class))
                .isTrue();
    }

    @Test
    @Order(4)
    void concurrentCallersCreateEachPartitionOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<List<String>> call =
                        () ->
                                sf.fromTransaction(
                                        em ->
                                                PgPartitions.ensureRange(
                                                        em,
                                                        Event.class,
                                                        LocalDate.of(2028, 1, 1),
                                                        LocalDate.of(2028, 7, 1),
                                                        Period.ofMonths(1)));
                results.add(pool.submit(call));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : results) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(6).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @Order(5)
    void misalignedStepsFailWithTheConflict() {
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        em ->
                                                PgPartitions.ensureRange(
                                                        em,
                                                        Event.class,
                                                        LocalDate.of(2026, 12, 15),
                                                        LocalDate.of(2027, 1, 1),
                                                        Period.ofMonths(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overlaps partition event_2026");
    }

    @Test
    @Order(6)
    void listAndDetach(PgTestDatabase db) {
        List<PgPartitionInfo> partitions =
                sf.fromTransaction(em -> PgPartitions.list(em, Event.class));
        assertThat(partitions)
                .extracting(PgPartitionInfo::name)
                .contains("event_2026", "event_default", "event_p20270101");
        PgPartitionInfo y2026 =
                partitions.stream()
                        .filter(p -> p.name().equals("event_2026"))
                        .findFirst()
                        .orElseThrow();
        assertThat(y2026.from()).isEqualTo("2026-01-01");
        assertThat(y2026.to()).isEqualTo("2027-01-01");
        assertThat(
                        partitions.stream()
                                .filter(PgPartitionInfo::isDefault)
                                .map(PgPartitionInfo::name))
                .containsExactly("event_default");

        // tag::detach[]
        List<String> detached =
                sf.fromTransaction(
                        em ->
                                PgPartitions.detachOlderThan(
                                        em, Event.class, LocalDate.of(2027, 2, 1)));
        // end::detach[]
        // Declared partitions belong to the mapping and stay; only managed ones are detached.
        assertThat(detached).containsExactly("event_p20270101");
        assertThat(db.sql().queryValue("select count(*) from event", Long.class)).isEqualTo(4L);
        assertThat(db.sql().queryValue("select count(*) from event_p20270101", Long.class))
                .isZero();

        List<String> dropped =
                sf.fromTransaction(
                        em ->
                                PgPartitions.detachOlderThan(
                                        em, Event.class, LocalDate.of(2027, 3, 1), true));
        assertThat(dropped).containsExactly("event_p20270201");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select to_regclass('event_p20270201') is null",
                                        Boolean.class))
                .isTrue();
    }

    @Test
    void hibernateQueriesSeeRowsOfAllPartitions() {
        Long n =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from Shipment", Long.class)
                                        .getSingleResult());
        assertThat(n).isZero();
        sf.inTransaction(
                s -> {
                    for (String region : List.of("de", "fr", "us")) {
                        Shipment sh = new Shipment();
                        sh.id = (long) region.hashCode();
                        sh.region = region;
                        s.persist(sh);
                    }
                    for (long i = 0; i < 10; i++) {
                        Reading r = new Reading();
                        r.id = i;
                        r.value = i;
                        s.persist(r);
                    }
                });
        Long shipments =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from Shipment", Long.class)
                                        .getSingleResult());
        Long readings =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from Reading", Long.class)
                                        .getSingleResult());
        assertThat(shipments).isEqualTo(3L);
        assertThat(readings).isEqualTo(10L);
    }
}
