package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.constraint.ExclusionConstraint;
import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.inheritance.Inherits;
import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PartitionStrategy;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.ddl.trigger.TouchOnUpdate;
import dev.pgorm.ddl.view.MaterializedView;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every schema action with every kind of declared object: create, update twice on a populated
 * schema, validate, drop, create-drop, and a generated script run through psql.
 */
@PgTest
class SchemaActionsIT {

    enum Status {
        NEW,
        PAID,
        SHIPPED
    }

    public static class OrderId implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        LocalDate placedOn;

        @Override
        public boolean equals(Object o) {
            return o instanceof OrderId k
                    && Objects.equals(id, k.id)
                    && Objects.equals(placedOn, k.placedOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, placedOn);
        }
    }

    @Entity(name = "PurchaseOrder")
    @Table(name = "purchase_order")
    @IdClass(OrderId.class)
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "placedOn")
    @Partition(name = "purchase_order_2026", from = "2026-01-01", to = "2027-01-01")
    @Partition(name = "purchase_order_rest", isDefault = true)
    @PgIndex(
            name = "purchase_order_attrs",
            columns = "attrs",
            method = IndexMethod.GIN,
            opclass = "jsonb_path_ops")
    @RowLevelSecurity(force = false)
    @Policy(name = "tenant_isolation", column = "tenant", setting = "app.tenant")
    @TouchOnUpdate("updatedAt")
    static class PurchaseOrder {
        @Id Long id;
        @Id LocalDate placedOn;
        String tenant;

        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.NAMED_ENUM)
        Status status;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;

        OffsetDateTime updatedAt;
    }

    @Entity(name = "OrderStats")
    @Table(name = "order_stats")
    @Immutable
    @MaterializedView(
            query = "select tenant, count(*) as orders from purchase_order group by tenant")
    @PgIndex(name = "order_stats_tenant", columns = "tenant", unique = true)
    static class OrderStats {
        @Id String tenant;
        long orders;
    }

    @MappedSuperclass
    static class VehicleBase {
        @Id Long id;
        String plate;

        // Hibernate adds a CHECK constraint per table for it; INHERIT needs the parent's names.
        @Enumerated(EnumType.STRING)
        Status condition;
    }

    @Entity(name = "Car")
    @Table(name = "car")
    static class Car extends VehicleBase {}

    @Entity(name = "Van")
    @Table(name = "van")
    @Inherits(Car.class)
    static class Van extends VehicleBase {}

    @Entity(name = "Slot")
    @Table(name = "slot")
    @ExclusionConstraint(
            name = "slot_no_overlap",
            elements = {"dock WITH =", "during WITH &&"})
    static class Slot {
        @Id Long id;
        int dock;

        @Column(columnDefinition = "tstzrange")
        @ColumnTransformer(write = "?::tstzrange")
        String during;
    }

    @BeforeEach
    void emptySchema(PgTestDatabase db) {
        db.resetSchema();
    }

    private static final List<Class<?>> MODEL =
            List.of(PurchaseOrder.class, OrderStats.class, Car.class, Van.class, Slot.class);

    private static EntityManagerFactory boot(
            PgTestDatabase db, String action, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("hibernate.hbm2ddl.auto", action);
        return db.entityManagerFactory(MODEL, props);
    }

    private static void populate(PgTestDatabase db) {
        db.execute(
                "insert into purchase_order (id, placedOn, tenant, status, attrs) values"
                        + " (1, '2026-02-01', 'a', 'NEW', '{\"x\": 1}'), (2, '2026-05-01', 'b', 'PAID', '{}'),"
                        + " (3, '2029-01-01', 'a', 'SHIPPED', '{}')",
                "refresh materialized view order_stats",
                "insert into car (id, plate, condition) values (1, 'C-1', 'NEW')",
                "insert into van (id, plate, condition) values (2, 'V-2', 'PAID')",
                "insert into slot values (1, 1, '[2026-01-01, 2026-01-02)')");
    }

    private static Map<String, Long> counts(PgTestDatabase db) {
        Map<String, Long> counts = new HashMap<>();
        for (String table :
                List.of(
                        "purchase_order",
                        "purchase_order_2026",
                        "purchase_order_rest",
                        "order_stats",
                        "car",
                        "van",
                        "slot")) {
            counts.put(table, db.sql().queryValue("select count(*) from " + table, Long.class));
        }
        counts.put(
                "status set",
                db.sql()
                        .queryValue(
                                "select count(*) from purchase_order where status is not null",
                                Long.class));
        return counts;
    }

    @Test
    void updateTwiceOnAPopulatedSchemaKeepsEveryRow(PgTestDatabase db) {
        db.close(boot(db, "create", Map.of()));
        populate(db);
        Map<String, Long> before = counts(db);
        assertThat(before)
                .containsEntry("purchase_order", 3L)
                .containsEntry("order_stats", 2L)
                .containsEntry("car", 2L)
                .containsEntry("status set", 3L);

        db.close(boot(db, "update", Map.of()));
        db.close(boot(db, "update", Map.of()));

        assertThat(counts(db)).isEqualTo(before);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_policy where polrelid = 'purchase_order_2026'::regclass",
                                        Long.class))
                .isEqualTo(1L);
        db.close(boot(db, "validate", Map.of()));
    }

    @Test
    void updateAddsNewEnumConstantsAndKeepsValues(PgTestDatabase db) {
        // The schema of an older version of the application: fewer enum constants.
        db.execute("create type Status as enum ('NEW', 'PAID')");
        db.close(boot(db, "update", Map.of()));
        populate(db);
        db.close(boot(db, "update", Map.of()));
        assertThat(
                        db.sql()
                                .query(
                                        "select enumlabel from pg_enum where enumtypid = 'status'::regtype order by enumsortorder"))
                .extracting(r -> r.get("enumlabel"))
                .containsExactly("NEW", "PAID", "SHIPPED");
        assertThat(counts(db)).containsEntry("status set", 3L);
    }

    @Test
    void updateAddsAMissingEnumConstantInItsDeclaredPlace(PgTestDatabase db) {
        db.execute("create type Status as enum ('NEW', 'SHIPPED')");
        db.close(boot(db, "update", Map.of()));
        assertThat(
                        db.sql()
                                .query(
                                        "select enumlabel from pg_enum where enumtypid = 'status'::regtype order by enumsortorder"))
                .extracting(r -> r.get("enumlabel"))
                .containsExactly("NEW", "PAID", "SHIPPED");
    }

    @Test
    void dropKeepsAnEnumTypeThatAnArrayColumnStillUses(PgTestDatabase db) {
        db.close(boot(db, "create", Map.of()));
        db.execute(
                "create table audit_trail (id int primary key, states status[])",
                "insert into audit_trail values (1, array['NEW', 'PAID']::status[])");
        db.close(boot(db, "drop", Map.of()));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select array_to_string(states, ',') from audit_trail where id = 1",
                                        String.class))
                .isEqualTo("NEW,PAID");
        db.execute("drop table audit_trail", "drop type status cascade");
    }

    @Test
    void withoutSafeEnumsHibernatesUpdateLosesEnumValues(PgTestDatabase db) {
        // Documents why pgorm.ddl.safe_enum_types exists (Hibernate ORM 7.4.13 behaviour).
        db.close(boot(db, "create", Map.of()));
        populate(db);
        db.close(
                boot(
                        db,
                        "update",
                        Map.of(
                                "pgorm.ddl.safe_enum_types",
                                "false",
                                "hibernate.hbm2ddl.halt_on_error",
                                "false")));
        // DROP TYPE ... CASCADE took the column and its values with it, and update did not notice.
        assertThat(db.sql().queryValue("select count(*) from purchase_order", Long.class))
                .isEqualTo(3L);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from information_schema.columns where table_schema = current_schema()"
                                                + " and table_name = 'purchase_order' and column_name = 'status'",
                                        Long.class))
                .isZero();
    }

    @Test
    void validateNamesEachMissingObject(PgTestDatabase db) {
        db.close(boot(db, "create", Map.of()));
        db.close(boot(db, "validate", Map.of()));
        Map<String, String> breakages =
                Map.of(
                        "drop index purchase_order_attrs",
                                "index purchase_order_attrs on purchase_order",
                        "drop policy tenant_isolation on purchase_order",
                                "policy tenant_isolation on purchase_order",
                        "drop table purchase_order_2026",
                                "partition purchase_order_2026 of purchase_order",
                        "drop trigger \"purchase_order_touch_updatedAt\" on purchase_order",
                                "trigger purchase_order_touch_updatedAt",
                        "drop materialized view order_stats", "materialized view order_stats",
                        "alter table van no inherit car", "inheritance of van from car",
                        "alter table slot drop constraint slot_no_overlap",
                                "exclusion constraint slot_no_overlap");
        for (Map.Entry<String, String> breakage : breakages.entrySet()) {
            db.execute(breakage.getKey());
            assertThatThrownBy(() -> boot(db, "validate", Map.of()))
                    .as(breakage.getKey())
                    .hasRootCauseInstanceOf(SchemaManagementException.class)
                    .rootCause()
                    .hasMessageContaining(breakage.getValue());
            db.close(boot(db, "update", Map.of()));
            db.close(boot(db, "validate", Map.of()));
        }
    }

    @Test
    void dropAndCreateDropRemoveEverything(PgTestDatabase db) {
        db.close(boot(db, "create-drop", Map.of()));
        assertThat(objectsInSchema(db)).isZero();
        db.close(boot(db, "create", Map.of()));
        assertThat(objectsInSchema(db)).isPositive();
        db.close(boot(db, "drop", Map.of()));
        assertThat(objectsInSchema(db)).isZero();
    }

    private static long objectsInSchema(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        "select (select count(*) from pg_class where relnamespace = current_schema()::regnamespace)"
                                + " + (select count(*) from pg_proc where pronamespace = current_schema()::regnamespace)"
                                + " + (select count(*) from pg_type where typnamespace = current_schema()::regnamespace and typtype = 'e')",
                        Long.class);
    }

    @Test
    void generatedScriptBuildsTheSameSchema(PgTestDatabase db, @TempDir Path dir) throws Exception {
        Path script = dir.resolve("create.sql");
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.schema-generation.scripts.action", "create");
        props.put("jakarta.persistence.schema-generation.scripts.create-target", script.toString());
        props.put("hibernate.hbm2ddl.delimiter", ";");
        db.close(boot(db, "none", props));
        String sql = Files.readString(script);
        assertThat(sql)
                .contains(
                        "create extension if not exists btree_gist",
                        "partition by range (placedOn)",
                        "create materialized view if not exists order_stats");

        db.close(boot(db, "create", Map.of()));
        String other = db.schema() + "_script";
        db.execute("create schema " + other);
        try {
            db.psql(script, other + ", public");
            List<String> fromScript = fingerprint(db, other);
            assertThat(fromScript).hasSizeGreaterThan(40).isEqualTo(fingerprint(db, db.schema()));
        } finally {
            db.execute("drop schema " + other + " cascade");
        }
    }

    @Test
    void indexesCanBeBuiltConcurrently(PgTestDatabase db, @TempDir Path dir) throws Exception {
        Path script = dir.resolve("create.sql");
        db.close(
                boot(
                        db,
                        "create",
                        Map.of(
                                "pgorm.ddl.index_concurrently", "true",
                                "jakarta.persistence.schema-generation.database.action", "create",
                                "jakarta.persistence.schema-generation.scripts.action", "create",
                                "jakarta.persistence.schema-generation.scripts.create-target",
                                        script.toString())));
        assertThat(Files.readString(script))
                .contains("create unique index concurrently if not exists order_stats_tenant")
                // PostgreSQL cannot build an index on a partitioned table concurrently.
                .contains("create index if not exists purchase_order_attrs");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select indisvalid from pg_index where indexrelid = 'order_stats_tenant'::regclass",
                                        Boolean.class))
                .isTrue();
    }

    private static List<String> fingerprint(PgTestDatabase db, String schema) {
        return db
                .sql()
                .query(
                        "select 'class ' || c.relname || ' ' || c.relkind::text || ' ' || c.relrowsecurity || ' ' || coalesce(pg_get_expr(c.relpartbound, c.oid), '') as f"
                                + " from pg_class c where c.relnamespace = ?::regnamespace"
                                + " union all select 'column ' || table_name || '.' || column_name || ' ' || data_type from information_schema.columns where table_schema = ?"
                                + " union all select 'index ' || indexname || ' ' || replace(indexdef, ' ' || schemaname || '.', ' ') from pg_indexes where schemaname = ?"
                                + " union all select 'policy ' || tablename || '.' || policyname || ' ' || qual from pg_policies where schemaname = ?"
                                + " union all select 'trigger ' || tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = ?::regnamespace and not tgisinternal"
                                + " union all select 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where connamespace = ?::regnamespace"
                                + " union all select 'function ' || proname from pg_proc where pronamespace = ?::regnamespace"
                                + " union all select 'enum ' || t.typname || ' ' || e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typnamespace = ?::regnamespace"
                                + " union all select 'inherits ' || i.inhrelid::regclass::text from pg_inherits i join pg_class c on c.oid = i.inhrelid where c.relnamespace = ?::regnamespace"
                                + " order by 1",
                        schema,
                        schema,
                        schema,
                        schema,
                        schema,
                        schema,
                        schema,
                        schema,
                        schema)
                .stream()
                .map(r -> ((String) r.get("f")).replace(schema + ".", ""))
                .toList();
    }
}
