package dev.pgorm.it.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;

/** {@code assertUsesIndex} explains the SQL Hibernate generated, with its parameters. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssertUsesIndexIT {

    @Entity(name = "Account")
    @Table(name = "account", indexes = @Index(name = "account_email_idx", columnList = "email"))
    static class Account {
        @Id Long id;
        String email;
        String city;
    }

    private SessionFactory sf;

    @BeforeAll
    void load(PgTestDatabase db) {
        sf = db.entityManagerFactory(Account.class);
        db.execute(
                "insert into account (id, email, city) select g, 'user' || g || '@example.com',"
                        + " 'city' || (g % 100) from generate_series(1, 50000) g",
                "vacuum analyze account");
    }

    // tag::assert-uses-index[]
    @Test
    void passesWhenThePlanUsesTheIndex(PgTestDatabase db) {
        db.assertUsesIndex(
                "account_email_idx",
                () ->
                        sf.inTransaction(
                                s -> {
                                    List<Account> found =
                                            s.createSelectionQuery(
                                                            "from Account where email = :e",
                                                            Account.class)
                                                    .setParameter("e", "user42@example.com")
                                                    .getResultList();
                                    assertThat(found).extracting(a -> a.id).containsExactly(42L);
                                }));
    }

    // end::assert-uses-index[]

    @Test
    void failsWithThePlanWhenTheIndexIsNotUsed(PgTestDatabase db) {
        assertThatThrownBy(
                        () ->
                                db.assertUsesIndex(
                                        "account_email_idx",
                                        () ->
                                                sf.inTransaction(
                                                        s ->
                                                                s.createSelectionQuery(
                                                                                "from Account where"
                                                                                        + " city = :c",
                                                                                Account.class)
                                                                        .setParameter("c", "city7")
                                                                        .getResultList())))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected index account_email_idx to be used")
                .hasMessageContaining("Seq Scan on account");
    }

    @Test
    void explainUsesTheBoundParameters(PgTestDatabase db) {
        List<String> plans =
                db.explain(
                        () ->
                                sf.inTransaction(
                                        s ->
                                                s.createSelectionQuery(
                                                                "from Account where email like :e",
                                                                Account.class)
                                                        .setParameter("e", "nobody%")
                                                        .getResultList()));
        assertThat(plans).hasSize(1);
        assertThat(plans.get(0)).contains("from account").contains("Filter");
    }

    @Test
    void failsWhenNoQueryRan(PgTestDatabase db) {
        assertThatThrownBy(() -> db.assertUsesIndex("account_email_idx", () -> {}))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("ran no SELECT");
    }
}
