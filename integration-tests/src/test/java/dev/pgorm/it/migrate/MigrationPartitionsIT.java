package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.inheritance.Inherits;
import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PartitionStrategy;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.ddl.table.PgTable;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Partitioned tables, partitions and {@code @Inherits} children added to a populated database. */
@PgTest
class MigrationPartitionsIT {

    public static class EventId implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        LocalDate createdAt;

        @Override
        public boolean equals(Object o) {
            return o instanceof EventId e
                    && Objects.equals(id, e.id)
                    && Objects.equals(createdAt, e.createdAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, createdAt);
        }
    }

    @MappedSuperclass
    public static class EventBase {
        @Id Long id;
        @Id LocalDate createdAt;
        String kind;
        String tenant;
    }

    @Entity(name = "Event")
    @Table(name = "event")
    @IdClass(EventId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "createdAt")
    @Partition(name = "event_2026", from = "2026-01-01", to = "2027-01-01")
    @Partition(name = "event_default", isDefault = true)
    @PgIndex(name = "event_kind_idx", columns = "kind")
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenant", setting = "app.tenant")
    public static class Event extends EventBase {}

    // tag::partition-added[]
    @Entity(name = "Event")
    @Table(name = "event")
    @IdClass(EventId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "createdAt")
    @Partition(name = "event_2026", from = "2026-01-01", to = "2027-01-01")
    @Partition(name = "event_2027", from = "2027-01-01", to = "2028-01-01") // new
    @Partition(name = "event_default", isDefault = true)
    @PgIndex(name = "event_kind_idx", columns = "kind")
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenant", setting = "app.tenant")
    public static class EventWith2027 extends EventBase {}

    // end::partition-added[]

    @Entity(name = "Event")
    @Table(name = "event")
    @IdClass(EventId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "createdAt")
    @Partition(name = "event_2026", from = "2026-01-01", to = "2027-01-01")
    @Partition(name = "event_default", isDefault = true)
    @PgIndex(name = "event_kind_idx", columns = "kind")
    @PgIndex(name = "event_tenant_idx", columns = "tenant") // new
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenant", setting = "app.tenant")
    public static class EventWithTenantIndex extends EventBase {}

    @Entity(name = "Event")
    @Table(name = "event")
    @IdClass(EventId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "createdAt")
    @Partition(name = "event_2026", from = "2026-01-01", to = "2027-01-01")
    @Partition(name = "event_default", isDefault = true)
    @PgIndex(name = "event_kind_idx", columns = "kind")
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenant", setting = "app.tenant")
    @PgTable(fillfactor = 70) // new
    public static class EventWithFillfactor extends EventBase {}

    @Entity(name = "Animal")
    @Table(name = "animal")
    public static class Animal {
        @Id Long id;
        String name;
    }

    @Entity(name = "Dog")
    @Table(name = "dog")
    @Inherits(Animal.class)
    public static class Dog {
        @Id Long id;
        String name;
        boolean goodBoy;
    }

    @Entity(name = "Animal")
    @Table(name = "animal")
    public static class AnimalWithAge {
        @Id Long id;
        String name;
        Integer age;
    }

    @Entity(name = "Dog")
    @Table(name = "dog")
    @Inherits(AnimalWithAge.class)
    public static class DogWithAge {
        @Id Long id;
        String name;
        boolean goodBoy;
        Integer age;
    }

    @Test
    void aColumnAddedToAParentAndItsChildIsAddedToTheChildFirst(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Animal.class, Dog.class)) {
            c.execute(
                    "insert into animal (id, name) values (1, 'Tom')",
                    "insert into dog (id, name, goodboy) values (2, 'Rex', true)");
            PgMigrationPlan plan = c.planner(AnimalWithAge.class, DogWithAge.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .containsExactly(
                            "ALTER TABLE public.dog ADD COLUMN age integer",
                            "ALTER TABLE public.animal ADD COLUMN age integer");
            c.applyAndReplan(plan, "animal", 2, AnimalWithAge.class, DogWithAge.class);
        }
    }

    @Test
    void aNewPartitionOfAPopulatedTableIsAttached(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Event.class)) {
            c.execute(
                    "insert into event (id, createdat, kind, tenant) values"
                            + " (1, '2026-05-01', 'a', 't'), (2, '2026-06-01', 'b', 't'),"
                            + " (3, '2029-01-01', 'c', 't')");
            PgMigrationPlan plan =
                    c.planner(EventWith2027.class)
                            .allow(
                                    PgMigrationHazard.VALIDATES_DATA,
                                    PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK)
                            .plan();
            assertThat(MigrationCase.sql(plan))
                    .startsWith(
                            "CREATE TABLE public.event_2027 (LIKE public.event INCLUDING DEFAULTS"
                                    + " INCLUDING CONSTRAINTS INCLUDING GENERATED)",
                            "ALTER TABLE public.event ATTACH PARTITION public.event_2027"
                                    + " FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')");
            PgMigrationStatement attach =
                    plan.statements().stream()
                            .filter(s -> s.sql().contains("ATTACH PARTITION"))
                            .findFirst()
                            .orElseThrow();
            // the default partition is scanned for rows of the new one
            assertThat(attach.hazards())
                    .containsExactlyInAnyOrder(
                            PgMigrationHazard.VALIDATES_DATA,
                            PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK);
            assertThat(attach.note()).contains("event_default").contains("(1 rows)");
            c.applyAndReplan(plan, "event", 3, EventWith2027.class);
            assertThat(c.count("select count(*) from event_2027")).isZero();
            c.execute(
                    "insert into event (id, createdat, kind, tenant) values (4, '2027-03-01', 'd', 't')");
            assertThat(c.count("select count(*) from event_2027")).isEqualTo(1);
        }
    }

    @Test
    void anIndexOfAPartitionedTableIsBuiltConcurrentlyPerPartition(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Event.class)) {
            c.execute(
                    "insert into event (id, createdat, kind, tenant) values"
                            + " (1, '2026-05-01', 'a', 't'), (2, '2029-01-01', 'b', 'u')");
            PgMigrationPlan plan =
                    c.planner(EventWithTenantIndex.class)
                            .allow(PgMigrationHazard.INDEX_BUILD)
                            .plan();
            assertThat(MigrationCase.sql(plan))
                    .containsExactly(
                            "CREATE INDEX event_tenant_idx ON ONLY public.event USING btree (tenant)",
                            "CREATE INDEX CONCURRENTLY event_2026_tenant_idx ON public.event_2026"
                                    + " USING btree (tenant)",
                            "CREATE INDEX CONCURRENTLY event_default_tenant_idx ON"
                                    + " public.event_default USING btree (tenant)",
                            "ALTER INDEX public.event_tenant_idx ATTACH PARTITION"
                                    + " public.event_2026_tenant_idx",
                            "ALTER INDEX public.event_tenant_idx ATTACH PARTITION"
                                    + " public.event_default_tenant_idx",
                            // PG-ORM's fingerprint of the declaration
                            "COMMENT ON INDEX public.event_tenant_idx IS 'pgorm:4ce977ef90ae8fdd'");
            c.applyAndReplan(plan, "event", 2, EventWithTenantIndex.class);
            assertThat(
                            c.count(
                                    "select count(*) from pg_index where indisvalid"
                                            + " and indexrelid = 'event_tenant_idx'::regclass"))
                    .isEqualTo(1);
        }
    }

    @Test
    void storageParametersOfAPartitionedEntityGoOnItsDeclaredPartitions(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Event.class)) {
            c.execute(
                    "insert into event (id, createdat, kind, tenant) values (1, '2026-05-01', 'a', 't')");
            PgMigrationPlan plan = c.planner(EventWithFillfactor.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .containsExactlyInAnyOrder(
                            "ALTER TABLE public.event_2026 SET (fillfactor=70)",
                            "ALTER TABLE public.event_default SET (fillfactor=70)");
            assertThat(plan.hazards()).isEmpty();
            c.applyAndReplan(plan, "event", 1, EventWithFillfactor.class);
        }
    }

    @Test
    void partitionsTheEntitiesDoNotDeclareAreLeftAlone(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Event.class)) {
            // as PgPartitions.ensureRange creates them at run time
            c.execute(
                    "create table event_p20300101 partition of event"
                            + " for values from ('2030-01-01') to ('2030-02-01')",
                    "insert into event (id, createdat, kind, tenant) values (1, '2030-01-05', 'a', 't')");
            PgMigrationPlan plan = c.planner(Event.class).plan();
            assertThat(plan.statements()).isEmpty();
            assertThat(c.count("select count(*) from event_p20300101")).isEqualTo(1);
        }
    }

    @Test
    void aNewPartitionedTableIsCreatedWithItsPartitions(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Animal.class)) {
            c.execute("insert into animal (id, name) values (1, 'Rex')");
            PgMigrationPlan plan = c.planner(Animal.class, Event.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith("CREATE TABLE public.event (")
                                            .endsWith("PARTITION BY RANGE (createdat)"))
                    .contains(
                            "CREATE TABLE public.event_2026 PARTITION OF public.event"
                                    + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                            "CREATE TABLE public.event_default PARTITION OF public.event DEFAULT");
            assertThat(plan.hazards()).isEmpty();
            c.applyAndReplan(plan, "animal", 1, Animal.class, Event.class);
        }
    }

    @Test
    void aNewInheritsChildIsCreatedAndLinked(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Animal.class)) {
            c.execute("insert into animal (id, name) values (1, 'Rex'), (2, 'Tom')");
            PgMigrationPlan plan = c.planner(Animal.class, Dog.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE public.dog ("))
                    .endsWith("ALTER TABLE public.dog INHERIT public.animal");
            assertThat(plan.hazards()).isEmpty();
            c.applyAndReplan(plan, "animal", 2, Animal.class, Dog.class);
            c.execute("insert into dog (id, name, goodboy) values (3, 'Lassie', true)");
            assertThat(c.count("select count(*) from animal")).isEqualTo(3);
        }
    }
}
