package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.domain.PgDomain;
import dev.pgorm.ddl.domain.PgDomainType;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Domains declared with {@code @PgDomain} and used by columns with {@code @PgDomainType}: created
 * before the tables, bound with the attribute's own type, rejecting what the check rejects, and
 * kept, changed in place or refused by {@code update}; {@code validate} sees a changed definition.
 */
@PgTest
class DomainIT {

    // tag::domain[]
    @Entity(name = "Customer")
    @Table(name = "customer")
    @PgDomain(name = "email", type = "text", check = "value ~ '^[^@\\s]+@[^@\\s]+$'")
    @PgDomain(name = "amount", type = "numeric(12, 2)", check = "value >= 0", defaultValue = "0")
    @PgDomain(name = "stars", type = "integer", check = "value between 1 and 5", notNull = true)
    static class Customer {
        @Id Long id;

        @PgDomainType("email")
        String email;

        @PgDomainType("amount")
        BigDecimal balance;

        @PgDomainType("stars")
        int rating;
    }

    // end::domain[]

    /** The next version: a stricter check (a dot in the domain part) and another default. */
    @Entity(name = "Customer")
    @Table(name = "customer")
    @PgDomain(name = "email", type = "text", check = "value ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'")
    @PgDomain(name = "amount", type = "numeric(12, 2)", check = "value >= 0", defaultValue = "1")
    @PgDomain(name = "stars", type = "integer", check = "value between 1 and 5", notNull = true)
    static class CustomerV2 {
        @Id Long id;

        @PgDomainType("email")
        String email;

        @PgDomainType("amount")
        BigDecimal balance;

        @PgDomainType("stars")
        int rating;
    }

    /** A version whose amount has another base type: update refuses it. */
    @Entity(name = "Customer")
    @Table(name = "customer")
    @PgDomain(name = "email", type = "text", check = "value ~ '^[^@\\s]+@[^@\\s]+$'")
    @PgDomain(name = "amount", type = "numeric(14, 4)", check = "value >= 0", defaultValue = "0")
    @PgDomain(name = "stars", type = "integer", check = "value between 1 and 5", notNull = true)
    static class CustomerWiderAmount {
        @Id Long id;

        @PgDomainType("email")
        String email;

        @PgDomainType("amount")
        BigDecimal balance;

        @PgDomainType("stars")
        int rating;
    }

    private SessionFactory sf;

    @BeforeEach
    void create(PgTestDatabase db) {
        db.resetSchema();
        sf = db.entityManagerFactory(Customer.class);
        sf.inTransaction(
                s -> {
                    s.persist(customer(1L, "ada@example.org", "12.50", 5));
                    s.persist(customer(2L, "bob@localhost", "0.00", 3));
                });
    }

    @AfterEach
    void close(PgTestDatabase db) {
        if (sf != null) {
            db.close(sf);
            sf = null;
        }
    }

    private static Customer customer(long id, String email, String balance, int rating) {
        Customer c = new Customer();
        c.id = id;
        c.email = email;
        c.balance = new BigDecimal(balance);
        c.rating = rating;
        return c;
    }

    private static String checkOf(PgTestDatabase db, String domain) {
        return db.sql()
                .queryValue(
                        """
                        select pg_get_constraintdef(c.oid) from pg_constraint c
                        where c.contypid = to_regtype(?) and c.conname = ? || '_check'
                        """,
                        String.class,
                        domain,
                        domain);
    }

    private static long customers(PgTestDatabase db) {
        return db.sql().queryValue("select count(*) from customer", Long.class);
    }

    @Test
    void domainsAreInTheCatalogAndTypeTheColumns(PgTestDatabase db) {
        List<Map<String, Object>> domains =
                db.sql()
                        .query(
                                """
                                select t.typname::text as name,
                                       format_type(t.typbasetype, t.typtypmod) as base,
                                       t.typnotnull as not_null, t.typdefault as dflt
                                from pg_type t
                                where t.typtype = 'd' and t.typnamespace = current_schema()::regnamespace
                                order by t.typname
                                """);
        assertThat(domains)
                .extracting(m -> m.get("name") + " " + m.get("base") + " " + m.get("not_null"))
                .containsExactly(
                        "amount numeric(12,2) false", "email text false", "stars integer true");
        assertThat(domains.get(0).get("dflt")).isEqualTo("0");
        assertThat(checkOf(db, "email")).isEqualTo("CHECK ((VALUE ~ '^[^@\\s]+@[^@\\s]+$'::text))");
        assertThat(checkOf(db, "stars")).isEqualTo("CHECK (((VALUE >= 1) AND (VALUE <= 5)))");
        assertThat(db.sql().columnTypes("customer"))
                .containsEntry("email", "email")
                .containsEntry("balance", "amount")
                .containsEntry("rating", "stars");
    }

    @Test
    void valuesRoundTripWithTheBaseTypesMapping(PgTestDatabase db) {
        // tag::domain-query[]
        List<Customer> found =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "from Customer where email = :email and balance > :min"
                                                        + " and rating >= :stars",
                                                Customer.class)
                                        .setParameter("email", "ada@example.org")
                                        .setParameter("min", new BigDecimal("10"))
                                        .setParameter("stars", 4)
                                        .getResultList());
        // end::domain-query[]
        assertThat(found).hasSize(1);
        assertThat(found.get(0).balance).isEqualByComparingTo("12.50");
        assertThat(found.get(0).rating).isEqualTo(5);
        sf.inTransaction(s -> s.find(Customer.class, 2L).balance = new BigDecimal("7.25"));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select balance::text || ' ' || pg_typeof(balance)::text"
                                                + " from customer where id = 2",
                                        String.class))
                .isEqualTo("7.25 amount");
    }

    @Test
    void aValueTheDomainRejectsIsAConstraintViolation(PgTestDatabase db) {
        // tag::domain-reject[]
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        s -> {
                                            s.persist(customer(3L, "not an email", "1.00", 4));
                                            s.flush();
                                        }))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(
                        e -> {
                            ConstraintViolationException violation =
                                    (ConstraintViolationException) e;
                            assertThat(violation.getSQLState()).isEqualTo("23514");
                            assertThat(violation.getConstraintName()).isEqualTo("email_check");
                        });
        // end::domain-reject[]
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        s -> {
                                            s.persist(customer(4L, "c@x.org", "1.00", 9));
                                            s.flush();
                                        }))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("stars_check");
        assertThatThrownBy(
                        () ->
                                db.execute(
                                        "insert into customer (id, email, balance, rating)"
                                                + " values (5, 'd@x.org', 1, null)"))
                .hasMessageContaining("domain stars does not allow null values");
        assertThat(customers(db)).isEqualTo(2L);
    }

    @Test
    void updateTwiceOnAPopulatedTableKeepsEverythingAndValidatePasses(PgTestDatabase db) {
        long oid = db.sql().queryValue("select to_regtype('email')::oid::bigint", Long.class);
        db.schemaAction("update", Customer.class);
        db.schemaAction("update", Customer.class);
        db.schemaAction("validate", Customer.class);
        assertThat(db.sql().queryValue("select to_regtype('email')::oid::bigint", Long.class))
                .isEqualTo(oid);
        assertThat(customers(db)).isEqualTo(2L);
    }

    @Test
    void updateReplacesAChangedCheckAndDefaultInPlace(PgTestDatabase db) {
        db.execute("delete from customer where id = 2");
        assertThatThrownBy(() -> db.schemaAction("validate", CustomerV2.class))
                .hasStackTraceContaining("domain email");
        db.schemaAction("update", CustomerV2.class);
        assertThat(checkOf(db, "email")).contains("[^@\\s]+\\.[^@\\s]+$");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select typdefault from pg_type where oid = to_regtype('amount')",
                                        String.class))
                .isEqualTo("1");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select convalidated from pg_constraint where conname = 'email_check'",
                                        Boolean.class))
                .isTrue();
        db.schemaAction("update", CustomerV2.class);
        db.schemaAction("validate", CustomerV2.class);
        assertThat(customers(db)).isEqualTo(1L);
        assertThatThrownBy(
                        () ->
                                db.execute(
                                        "insert into customer (id, email, rating) values (6, 'e@localhost', 2)"))
                .hasMessageContaining("email_check");
    }

    @Test
    void aCheckTheStoredRowsViolateIsRefusedAndTheRowsStay(PgTestDatabase db) {
        // bob@localhost has no dot after the @
        assertThatThrownBy(() -> db.schemaAction("update", CustomerV2.class))
                .hasStackTraceContaining("after schema update, missing or different")
                .hasStackTraceContaining("domain email")
                .hasStackTraceContaining("(constraint email_check)");
        assertThat(checkOf(db, "email")).isEqualTo("CHECK ((VALUE ~ '^[^@\\s]+@[^@\\s]+$'::text))");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select typdefault from pg_type where oid = to_regtype('amount')",
                                        String.class))
                .as("each domain is updated on its own: the new default of amount is in")
                .isEqualTo("1");
        assertThat(customers(db)).isEqualTo(2L);
        assertThatThrownBy(() -> db.schemaAction("validate", CustomerV2.class))
                .hasStackTraceContaining("domain email");
        db.execute("update customer set email = 'bob@example.org' where id = 2");
        db.schemaAction("update", CustomerV2.class);
        db.schemaAction("validate", CustomerV2.class);
        assertThat(checkOf(db, "email")).contains("[^@\\s]+\\.[^@\\s]+$");
    }

    @Test
    void aChangedBaseTypeIsRefused(PgTestDatabase db) {
        assertThatThrownBy(() -> db.schemaAction("update", CustomerWiderAmount.class))
                .hasStackTraceContaining("after schema update, missing or different")
                .hasStackTraceContaining("domain amount")
                .hasStackTraceContaining("refuses a changed base type");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select format_type(typbasetype, typtypmod) from pg_type"
                                                + " where oid = to_regtype('amount')",
                                        String.class))
                .isEqualTo("numeric(12,2)");
        assertThat(db.sql().columnTypes("customer")).containsEntry("balance", "amount");
        assertThat(customers(db)).isEqualTo(2L);
    }

    @Entity(name = "Supplier")
    @Table(name = "supplier")
    static class UndeclaredDomain {
        @Id Long id;

        @PgDomainType("phone")
        String phone;
    }

    @Entity(name = "Supplier")
    @Table(name = "supplier")
    @PgDomain(name = "email", type = "varchar(200)")
    static class OtherEmail {
        @Id Long id;

        @PgDomainType("email")
        String email;
    }

    @Test
    void anUndeclaredDomainFailsAtBootSayingWhatToAdd(PgTestDatabase db) {
        assertThatThrownBy(() -> db.schemaAction("validate", UndeclaredDomain.class))
                .hasStackTraceContaining(
                        "@PgDomainType(\"phone\") on attribute phone on entity Supplier")
                .hasStackTraceContaining("add @PgDomain(name = \"phone\", type = \"...\")");
    }

    @Test
    void oneNameDeclaredTwiceDifferentlyFailsNamingBoth(PgTestDatabase db) {
        assertThatThrownBy(
                        () ->
                                db.entityManagerFactory(
                                        List.of(Customer.class, OtherEmail.class), Map.of()))
                .hasStackTraceContaining("on entity Customer")
                .hasStackTraceContaining("on entity Supplier")
                .hasStackTraceContaining("pgorm.domain.email differently");
    }
}
