package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.domain.PgDomain;
import dev.pgorm.ddl.domain.PgDomainType;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Domains in migration plans, applied to populated databases: created before the columns that use
 * them, a changed check replaced NOT VALID then validated, default and NOT NULL altered in place, a
 * changed base type refused, and a domain no column uses any more dropped after its columns.
 */
@PgTest
class MigrationDomainsIT {

    static final class V1 {
        @Entity(name = "Account")
        @Table(name = "account")
        public static class Account {
            @Id Long id;
            String owner;
        }
    }

    static final class V2 {
        @Entity(name = "Account")
        @Table(name = "account")
        @PgDomain(name = "email", type = "text", check = "value like '%@%'")
        @PgDomain(name = "amount", type = "numeric(12, 2)", check = "value >= 0")
        public static class Account {
            @Id Long id;
            String owner;

            @PgDomainType("email")
            String email;

            @PgDomainType("amount")
            BigDecimal balance;
        }
    }

    /** A stricter email check, a default and NOT NULL for amount. */
    static final class V3 {
        @Entity(name = "Account")
        @Table(name = "account")
        @PgDomain(name = "email", type = "text", check = "value like '%@%.%'")
        @PgDomain(
                name = "amount",
                type = "numeric(12, 2)",
                check = "value >= 0",
                defaultValue = "0",
                notNull = true)
        public static class Account {
            @Id Long id;
            String owner;

            @PgDomainType("email")
            String email;

            @PgDomainType("amount")
            BigDecimal balance;
        }
    }

    /** amount on another base type. */
    static final class V4 {
        @Entity(name = "Account")
        @Table(name = "account")
        @PgDomain(name = "email", type = "text", check = "value like '%@%'")
        @PgDomain(name = "amount", type = "numeric(14, 4)", check = "value >= 0")
        public static class Account {
            @Id Long id;
            String owner;

            @PgDomainType("email")
            String email;

            @PgDomainType("amount")
            BigDecimal balance;
        }
    }

    @Test
    void domainsAreCreatedBeforeTheColumnsThatUseThem(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Account.class)) {
            c.execute("insert into account (id, owner) values (1, 'ada'), (2, 'bob')");
            PgMigrationPlan plan = c.planner(V2.Account.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .containsSubsequence(
                            "CREATE DOMAIN public.amount AS numeric(12,2)"
                                    + " CONSTRAINT amount_check CHECK ((VALUE >= (0)::numeric))",
                            "CREATE DOMAIN public.email AS text"
                                    + " CONSTRAINT email_check CHECK ((VALUE ~~ '%@%'::text))",
                            "ALTER TABLE public.account ADD COLUMN balance public.amount");
            assertThat(plan.hazards()).isEmpty();
            c.applyAndReplan(plan, "account", 2, V2.Account.class);
            assertThatThrownBy(() -> c.execute("update account set email = 'nobody' where id = 1"))
                    .hasMessageContaining("email_check");
        }
    }

    @Test
    void aChangedCheckIsReplacedNotValidThenValidated(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V2.Account.class)) {
            c.execute(
                    "insert into account (id, owner, email, balance)"
                            + " values (1, 'ada', 'ada@example.org', 10), (2, 'bob', 'bob@example.org', 0)");
            PgMigrationPlan plan =
                    c.planner(V3.Account.class).allow(PgMigrationHazard.VALIDATES_DATA).plan();
            // tag::domain-plan[]
            assertThat(MigrationCase.sql(plan))
                    .containsSubsequence(
                            "ALTER DOMAIN public.amount SET DEFAULT 0",
                            "ALTER DOMAIN public.email DROP CONSTRAINT email_check",
                            "ALTER DOMAIN public.email ADD CONSTRAINT email_check"
                                    + " CHECK ((VALUE ~~ '%@%.%'::text)) NOT VALID",
                            "ALTER DOMAIN public.email VALIDATE CONSTRAINT email_check",
                            "ALTER DOMAIN public.amount SET NOT NULL");
            // end::domain-plan[]
            assertThat(plan.statements())
                    .filteredOn(s -> s.sql().contains("VALIDATE CONSTRAINT"))
                    .flatExtracting(PgMigrationStatement::hazards)
                    .containsExactly(PgMigrationHazard.VALIDATES_DATA);
            assertThat(plan.hazards()).containsExactly(PgMigrationHazard.VALIDATES_DATA);
            assertThatThrownBy(() -> c.planner(V3.Account.class).plan())
                    .hasMessageContaining("VALIDATES_DATA");
            c.applyAndReplan(plan, "account", 2, V3.Account.class);
            assertThat(c.count("select count(*) from account where email like '%@%.%'"))
                    .isEqualTo(2);
        }
    }

    @Test
    void aCheckStoredValuesViolateFailsAtValidateAndKeepsTheRows(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V2.Account.class)) {
            c.execute(
                    "insert into account (id, owner, email, balance)"
                            + " values (1, 'ada', 'ada@localhost', 1), (2, 'bob', 'bob@example.org', 2)");
            PgMigrationPlan plan =
                    c.planner(V3.Account.class).allow(PgMigrationHazard.VALIDATES_DATA).plan();
            assertThatThrownBy(() -> c.apply(plan))
                    .hasMessageContaining(
                            "column \"email\" of table \"account\" contains values that violate"
                                    + " the new constraint");
            // the groups before VALIDATE are in: new values are checked, stored ones are kept
            assertThat(
                            c.count(
                                    "select count(*) from pg_constraint where conname = 'email_check'"
                                            + " and not convalidated"))
                    .isEqualTo(1);
            assertThat(c.count("select count(*) from account")).isEqualTo(2);
            assertThat(c.count("select count(*) from account where email = 'ada@localhost'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aChangedBaseTypeIsRefusedSayingWhy(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V2.Account.class)) {
            assertThatThrownBy(() -> c.planner(V4.Account.class).plan())
                    .hasMessageContaining(
                            "domain public.amount: base type numeric(12,2) becomes numeric(14,4)")
                    .hasMessageContaining("cannot change the base type");
        }
    }

    @Test
    void aDomainNoColumnUsesIsDroppedAfterItsColumns(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V2.Account.class)) {
            c.execute(
                    "insert into account (id, owner, email) values (1, 'ada', 'ada@example.org')");
            PgMigrationPlan plan =
                    c.planner(V1.Account.class).allow(PgMigrationHazard.DELETES_DATA).plan();
            assertThat(MigrationCase.sql(plan))
                    .containsSubsequence(
                            "ALTER TABLE public.account DROP COLUMN email",
                            "DROP DOMAIN public.email");
            c.applyAndReplan(plan, "account", 1, V1.Account.class);
        }
    }
}
