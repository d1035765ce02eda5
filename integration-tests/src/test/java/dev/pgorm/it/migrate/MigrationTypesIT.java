package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.collation.PgCollation;
import dev.pgorm.ddl.extension.PgExtension;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Collate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Struct;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

/**
 * Enum labels added where the desired type has them (Hibernate 7.4 creates a named enum's labels in
 * alphabetical order), extensions added, composite types ({@code @Struct}) created and appended to.
 */
@PgTest
class MigrationTypesIT {

    static final class V1 {
        enum Stage {
            NEW,
            PAID,
            CLOSED
        }

        @Entity(name = "Ticket")
        @Table(name = "ticket")
        public static class Ticket {
            @Id Long id;

            @Enumerated(EnumType.STRING)
            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            Stage stage;
        }
    }

    static final class V2 {
        enum Stage {
            ARCHIVED,
            DRAFT,
            NEW,
            PAID,
            SHIPPED,
            RETURNED,
            CLOSED
        }

        @Entity(name = "Ticket")
        @Table(name = "ticket")
        @PgExtension("citext")
        public static class Ticket {
            @Id Long id;

            @Enumerated(EnumType.STRING)
            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            Stage stage;
        }
    }

    static final class S1 {
        @Entity(name = "Counter")
        @Table(name = "counter")
        public static class Counter {
            @Id
            @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "counter_gen")
            @SequenceGenerator(
                    name = "counter_gen",
                    sequenceName = "counter_seq",
                    allocationSize = 50)
            Long id;
        }
    }

    static final class S2 {
        @Entity(name = "Counter")
        @Table(name = "counter")
        public static class Counter {
            @Id
            @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "counter_gen")
            @SequenceGenerator(
                    name = "counter_gen",
                    sequenceName = "counter_seq",
                    allocationSize = 10)
            Long id;
        }
    }

    static final class P1 {
        @Embeddable
        @Struct(name = "postal_address")
        record Address(String street, String city, String zip) {}

        @Entity(name = "Customer")
        @Table(name = "customer")
        public static class Customer {
            @Id Long id;
            Address home;
        }
    }

    static final class P2 {
        @Embeddable
        @Struct(
                name = "postal_address",
                attributes = {"city", "street", "zip", "country"})
        record Address(String street, String city, String zip, String country) {}

        @Embeddable
        @Struct(name = "world_point") // after "site" by name, created before it
        record GeoPoint(double lat, double lon) {}

        @Embeddable
        @Struct(name = "site")
        record Site(String label, GeoPoint point) {}

        @Entity(name = "Customer")
        @Table(name = "customer")
        public static class Customer {
            @Id Long id;
            Address home;
            Site site;
        }
    }

    static final class P3 {
        @Embeddable
        @Struct(name = "postal_address")
        record Address(String street, String city, Integer zip) {}

        @Entity(name = "Customer")
        @Table(name = "customer")
        public static class Customer {
            @Id Long id;
            Address home;
        }
    }

    static final class C1 {
        @Entity(name = "Member")
        @Table(name = "member")
        public static class Member {
            @Id Long id;
            String email;
        }
    }

    static final class C2 {
        @Entity(name = "Member")
        @Table(name = "member")
        @PgCollation(name = "ci", locale = "und-u-ks-level2", deterministic = false)
        public static class Member {
            @Id Long id;

            @Collate("ci")
            String email;
        }
    }

    @Test
    void aCollationIsCreatedBeforeTheColumnMovesToIt(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, C1.Member.class)) {
            c.execute("insert into member (id, email) values (1, 'a@x.org')");
            PgMigrationPlan plan =
                    c.planner(C2.Member.class)
                            .allow(
                                    PgMigrationHazard.TABLE_REWRITE,
                                    PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK)
                            .plan();
            assertThat(MigrationCase.sql(plan))
                    .first()
                    .isEqualTo(
                            "CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
            c.applyAndReplan(plan, "member", 1, C2.Member.class);
            assertThat(c.count("select count(*) from member where email = 'A@X.ORG'")).isEqualTo(1);
        }
    }

    @Test
    void compositeTypesAreCreatedBeforeTheirUsersAndAppendedTo(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, P1.Customer.class)) {
            c.execute(
                    "insert into customer (id, home) values"
                            + " (1, row('Springfield', '1 Main St', '12345')::postal_address)");
            PgMigrationPlan plan = c.planner(P2.Customer.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .containsSubsequence(
                            "ALTER TYPE public.postal_address"
                                    + " ADD ATTRIBUTE country character varying(255)",
                            "CREATE TYPE public.world_point AS (lat double precision, lon double precision)",
                            "CREATE TYPE public.site AS (label character varying(255), point public.world_point)")
                    .anyMatch(sql -> sql.contains("ADD COLUMN site public.site"));
            assertThat(plan.hazards()).isEmpty();
            c.applyAndReplan(plan, "customer", 1, P2.Customer.class);
            assertThat(
                            c.count(
                                    "select count(*) from customer where (home).zip = '12345' and (home).country is null"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aRetypedCompositeAttributeIsRefusedSayingWhy(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, P1.Customer.class)) {
            assertThatThrownBy(() -> c.planner(P3.Customer.class).plan())
                    .hasMessageContaining(
                            "composite type public.postal_address: attributes (city character"
                                    + " varying(255), street character varying(255), zip character"
                                    + " varying(255)) become (zip integer, city character"
                                    + " varying(255), street character varying(255))")
                    .hasMessageContaining("only appending attributes is planned");
        }
    }

    @Test
    void aSequenceIsAlteredInPlaceKeepingItsValue(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, S1.Counter.class)) {
            c.execute("select nextval('counter_seq')", "select nextval('counter_seq')");
            PgMigrationPlan plan = c.planner(S2.Counter.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .containsExactly(
                            "ALTER SEQUENCE public.counter_seq AS bigint INCREMENT BY 10 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE");
            c.applyAndReplan(plan, null, 0, S2.Counter.class);
            assertThat(c.count("select nextval('counter_seq')")).isEqualTo(61);
        }
    }

    @Test
    void enumLabelsAreAddedInDeclaredOrderAndExtensionsCreated(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Ticket.class)) {
            c.execute("insert into ticket (id, stage) values (1, 'PAID'), (2, 'CLOSED')");
            PgMigrationPlan plan = c.planner(V2.Ticket.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .containsExactly(
                            "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public",
                            "ALTER TYPE public.stage ADD VALUE 'ARCHIVED' BEFORE 'CLOSED'",
                            "ALTER TYPE public.stage ADD VALUE 'DRAFT' AFTER 'CLOSED'",
                            "ALTER TYPE public.stage ADD VALUE 'RETURNED' AFTER 'PAID'",
                            "ALTER TYPE public.stage ADD VALUE 'SHIPPED' AFTER 'RETURNED'");
            assertThat(plan.statements())
                    .filteredOn(s -> s.sql().startsWith("ALTER TYPE"))
                    .noneMatch(PgMigrationStatement::transactional);
            assertThat(plan.hazards()).isEmpty();
            c.applyAndReplan(plan, "ticket", 2, V2.Ticket.class);
            assertThat(
                            c.count(
                                    "select count(*) from unnest(enum_range(null::stage)) with ordinality l(v, n) where (v::text, n) in (('ARCHIVED', 1), ('DRAFT', 3), ('SHIPPED', 7))"))
                    .isEqualTo(3);
        }
    }
}
