package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Constraints on populated tables: NOT NULL, unique, foreign key and check in their online forms.
 */
@PgTest
class MigrationConstraintsIT {

    static final class V1 {
        @Entity(name = "Account")
        @Table(name = "account")
        public static class Account {
            @Id Long id;

            String email;

            Integer age;
        }

        @Entity(name = "Login")
        @Table(name = "login")
        public static class Login {
            @Id Long id;

            Long accountId;
        }
    }

    static final class V2 {
        @Entity(name = "Account")
        @Table(
                name = "account",
                uniqueConstraints =
                        @UniqueConstraint(name = "account_email_key", columnNames = "email"),
                check = @CheckConstraint(name = "account_age_check", constraint = "age >= 0"))
        public static class Account {
            @Id Long id;

            @Column(nullable = false)
            String email;

            Integer age;
        }

        @Entity(name = "Login")
        @Table(name = "login")
        public static class Login {
            @Id Long id;

            @ManyToOne
            @JoinColumn(name = "accountId", foreignKey = @ForeignKey(name = "login_account_fk"))
            Account account;
        }
    }

    @Test
    void notNullUniqueForeignKeyAndCheckAreAddedOnline(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Account.class, V1.Login.class)) {
            c.execute(
                    "insert into account (id, email, age) values (1, 'a@x', 30), (2, 'b@x', 40)",
                    "insert into login (id, accountid) values (1, 1), (2, 2), (3, 1)");
            PgMigrationPlan plan =
                    c.planner(V2.Account.class, V2.Login.class)
                            .allow(PgMigrationHazard.INDEX_BUILD, PgMigrationHazard.VALIDATES_DATA)
                            .plan();
            assertThat(MigrationCase.sql(plan))
                    .containsSubsequence(
                            "CREATE UNIQUE INDEX CONCURRENTLY account_email_key ON public.account USING btree (email)",
                            "ALTER TABLE public.account ADD CONSTRAINT account_email_key UNIQUE USING INDEX account_email_key")
                    .containsSubsequence(
                            "ALTER TABLE public.account ADD CONSTRAINT account_age_check CHECK ((age >= 0)) NOT VALID",
                            "ALTER TABLE public.account VALIDATE CONSTRAINT account_age_check")
                    .containsSubsequence(
                            "ALTER TABLE public.login ADD CONSTRAINT login_account_fk FOREIGN KEY (accountid) REFERENCES public.account(id) NOT VALID",
                            "ALTER TABLE public.login VALIDATE CONSTRAINT login_account_fk")
                    .containsSubsequence(
                            "ALTER TABLE public.account ADD CONSTRAINT account_email_not_null CHECK (email IS NOT NULL) NOT VALID",
                            "ALTER TABLE public.account VALIDATE CONSTRAINT account_email_not_null",
                            "ALTER TABLE public.account ALTER COLUMN email SET NOT NULL",
                            "ALTER TABLE public.account DROP CONSTRAINT account_email_not_null");
            PgMigrationStatement build =
                    plan.statements().stream()
                            .filter(s -> s.sql().startsWith("CREATE UNIQUE INDEX"))
                            .findFirst()
                            .orElseThrow();
            assertThat(build.transactional()).isFalse();
            assertThat(build.hazards()).containsExactly(PgMigrationHazard.INDEX_BUILD);
            assertThat(build.note()).isEqualTo("0 duplicate keys");
            assertThat(plan.hazards())
                    .isEqualTo(
                            Set.of(
                                    PgMigrationHazard.INDEX_BUILD,
                                    PgMigrationHazard.VALIDATES_DATA));
            c.applyAndReplan(plan, "login", 3, V2.Account.class, V2.Login.class);
            assertThat(c.count("select count(*) from account")).isEqualTo(2);
        }
    }

    @Test
    void nullsAndDuplicatesMakeThePlanFailWithTheirCounts(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Account.class, V1.Login.class)) {
            c.execute(
                    "insert into account (id, email, age) values (1, 'a@x', 1), (2, 'a@x', 2), (3, null, 3)");
            assertThatThrownBy(
                            () ->
                                    c.planner(V2.Account.class, V2.Login.class)
                                            .allow(PgMigrationHazard.values())
                                            .plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining(
                            "public.account.email becomes NOT NULL but 1 rows hold null")
                    .hasMessageContaining(
                            "unique constraint account_email_key on public.account [email] cannot be added: 1 key values are held by more than one row");
        }
    }
}
