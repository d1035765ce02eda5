package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.collation.PgCollation;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Collate;
import org.hibernate.annotations.View;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case-insensitive ICU collation declared with {@code @PgCollation} and used through Hibernate's
 * {@code @Collate}, and Hibernate's {@code @View} entities, with PG-ORM's schema tool: created in
 * order, {@code update} twice on populated tables, {@code validate}.
 */
@PgTest(isolation = PgTest.Isolation.SCHEMA)
class CollationViewIT {

    // tag::collation[]
    @Entity(name = "Account")
    @Table(name = "account")
    @PgCollation(name = "ci", locale = "und-u-ks-level2", deterministic = false)
    @PgIndex(columns = "email", unique = true)
    static class Account {
        @Id Long id;

        @Collate("ci")
        @Column(nullable = false)
        String email;

        String plan;
    }

    // end::collation[]

    // tag::view[]
    @Entity(name = "PlanCount")
    @View(query = "select plan, count(*) as accounts from account group by plan")
    static class PlanCount {
        @Id String plan;
        long accounts;
    }

    // end::view[]

    private SessionFactory sf;

    @BeforeEach
    void create(PgTestDatabase db) {
        db.resetSchema();
        sf = db.entityManagerFactory(Account.class, PlanCount.class);
        sf.inTransaction(
                s -> {
                    s.persist(account(1, "a@x.org", "free"));
                    s.persist(account(2, "b@x.org", "pro"));
                    s.persist(account(3, "c@x.org", "pro"));
                });
    }

    @AfterEach
    void close(PgTestDatabase db) {
        db.close(sf);
    }

    private static Account account(long id, String email, String plan) {
        Account a = new Account();
        a.id = id;
        a.email = email;
        a.plan = plan;
        return a;
    }

    @Test
    void theCollationComparesCaseInsensitively(PgTestDatabase db) {
        assertThat(
                        db.sql()
                                .queryValue(
                                        """
                                        select c.collprovider::text || ' ' || c.collisdeterministic
                                        from pg_collation c join pg_attribute a on a.attcollation = c.oid
                                        where a.attrelid = 'account'::regclass and a.attname = 'email'
                                        """,
                                        String.class))
                .isEqualTo("i false");
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        s -> {
                                            s.persist(account(4, "A@X.org", "free"));
                                            s.flush();
                                        }))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(
                        e ->
                                assertThat(((ConstraintViolationException) e).getSQLState())
                                        .isEqualTo("23505"));
        List<Long> found =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select a.id from Account a where a.email = :email",
                                                Long.class)
                                        .setParameter("email", "B@X.ORG")
                                        .getResultList());
        assertThat(found).containsExactly(2L);
    }

    @Test
    void theViewIsReadAsAnEntity(PgTestDatabase db) {
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_views where viewname = 'PlanCount' or viewname = 'plancount'",
                                        Long.class))
                .isEqualTo(1L);
        List<PlanCount> counts =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "from PlanCount p order by p.plan", PlanCount.class)
                                        .getResultList());
        assertThat(counts)
                .extracting(p -> p.plan + "=" + p.accounts)
                .containsExactly("free=1", "pro=2");
    }

    @Test
    void updateTwiceAndValidateKeepEverything(PgTestDatabase db) {
        db.schemaAction("update", Account.class, PlanCount.class);
        db.schemaAction("update", Account.class, PlanCount.class);
        db.schemaAction("validate", Account.class, PlanCount.class);
        assertThat(db.sql().queryValue("select count(*) from account", Long.class)).isEqualTo(3L);
        db.execute("alter table account alter column email type varchar(255) collate \"C\"");
        db.execute("drop collation ci");
        assertThatThrownBy(() -> db.schemaAction("validate", Account.class, PlanCount.class))
                .hasStackTraceContaining("collation ci (provider icu, locale und-u-ks-level2");
    }
}
