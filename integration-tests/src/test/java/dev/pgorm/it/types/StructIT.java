package dev.pgorm.it.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hibernate's {@code @Struct} composite types with PG-ORM's schema tool: created, written, read and
 * queried by component, arrays of them, and kept with their values through {@code update} (which in
 * Hibernate alone drops and re-creates the type) and {@code validate}.
 */
@PgTest(isolation = PgTest.Isolation.SCHEMA)
class StructIT {

    // tag::struct[]
    @Embeddable
    @Struct(name = "postal_address")
    record Address(String street, String city, String zip) {}

    @Entity(name = "Customer")
    @Table(name = "customer")
    static class Customer {
        @Id Long id;
        String name;
        Address home; // a column of type postal_address
        List<Address> previous; // postal_address[]
    }

    // end::struct[]

    /** The next version: a country, appended to the type's attributes. */
    // tag::struct-append[]
    @Embeddable
    @Struct(
            name = "postal_address",
            attributes = {"city", "street", "zip", "country"})
    record AddressV2(String street, String city, String zip, String country) {}

    // end::struct-append[]

    @Entity(name = "Customer")
    @Table(name = "customer")
    static class CustomerV2 {
        @Id Long id;
        String name;
        AddressV2 home;
        List<AddressV2> previous;
    }

    /** A version that changes an attribute's type: update refuses it. */
    @Embeddable
    @Struct(name = "postal_address")
    record AddressZipNumber(String street, String city, Integer zip) {}

    @Entity(name = "Customer")
    @Table(name = "customer")
    static class CustomerZipNumber {
        @Id Long id;
        String name;
        AddressZipNumber home;
    }

    private SessionFactory sf;

    @BeforeEach
    void create(PgTestDatabase db) {
        db.resetSchema();
        sf = db.entityManagerFactory(Customer.class);
        sf.inTransaction(
                s -> {
                    Customer ada = new Customer();
                    ada.id = 1L;
                    ada.name = "Ada";
                    ada.home = new Address("1 Main St", "Springfield", "12345");
                    ada.previous =
                            List.of(
                                    new Address("2 Old Rd", "Shelbyville", "54321"),
                                    new Address("3 Elm St", "Ogdenville", null));
                    s.persist(ada);
                    Customer bob = new Customer();
                    bob.id = 2L;
                    bob.name = "Bob";
                    bob.home = new Address("9 High St", "Capital City", "99999");
                    s.persist(bob);
                });
    }

    @AfterEach
    void close(PgTestDatabase db) {
        if (sf != null) {
            db.close(sf);
            sf = null;
        }
    }

    private static String attributes(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        """
                        select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod),
                                          ', ' order by a.attnum)
                        from pg_type t join pg_attribute a on a.attrelid = t.typrelid
                        where t.oid = to_regtype('postal_address') and t.typtype = 'c'
                          and a.attnum > 0 and not a.attisdropped
                        """,
                        String.class);
    }

    @Test
    void structsAreCreatedWrittenReadAndQueriedByComponent(PgTestDatabase db) {
        assertThat(attributes(db))
                .isEqualTo(
                        "city character varying(255), street character varying(255),"
                                + " zip character varying(255)");
        assertThat(db.sql().columnTypes("customer"))
                .containsEntry("home", "postal_address")
                .containsEntry("previous", "postal_address[]");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select (home).city || '/' || (previous[2]).street from customer where id = 1",
                                        String.class))
                .isEqualTo("Springfield/3 Elm St");

        // tag::struct-query[]
        List<Customer> inSpringfield =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "from Customer c where c.home.city = :city",
                                                Customer.class)
                                        .setParameter("city", "Springfield")
                                        .getResultList());
        List<Address> homes =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select c.home from Customer c order by c.id",
                                                Address.class)
                                        .getResultList());
        // end::struct-query[]
        assertThat(inSpringfield).extracting(c -> c.name).containsExactly("Ada");
        assertThat(inSpringfield.get(0).previous)
                .containsExactly(
                        new Address("2 Old Rd", "Shelbyville", "54321"),
                        new Address("3 Elm St", "Ogdenville", null));
        assertThat(homes)
                .containsExactly(
                        new Address("1 Main St", "Springfield", "12345"),
                        new Address("9 High St", "Capital City", "99999"));

        sf.inTransaction(
                s ->
                        s.find(Customer.class, 2L).home =
                                new Address("10 High St", "Capital City", null));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select (home).street from customer where id = 2",
                                        String.class))
                .isEqualTo("10 High St");
    }

    @Test
    void updateTwiceKeepsTheTypeAndItsValuesAndValidatePasses(PgTestDatabase db) {
        Object oid = db.sql().queryValue("select to_regtype('postal_address')::oid", Long.class);
        db.schemaAction("update", Customer.class);
        db.schemaAction("update", Customer.class);
        db.schemaAction("validate", Customer.class);
        assertThat(db.sql().queryValue("select to_regtype('postal_address')::oid", Long.class))
                .as("the same type, never dropped")
                .isEqualTo(oid);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg((home).zip, ',' order by id) from customer",
                                        String.class))
                .isEqualTo("12345,99999");
    }

    @Test
    void updateAppendsAnAttributeAndKeepsTheStoredValues(PgTestDatabase db) {
        close(db);
        db.schemaAction("update", CustomerV2.class);
        assertThat(attributes(db))
                .isEqualTo(
                        "city character varying(255), street character varying(255),"
                                + " zip character varying(255), country character varying(255)");
        db.schemaAction("update", CustomerV2.class);
        db.schemaAction("validate", CustomerV2.class);
        sf =
                db.entityManagerFactory(
                        List.of(CustomerV2.class), Map.of("hibernate.hbm2ddl.auto", "validate"));
        sf.inTransaction(
                s -> {
                    CustomerV2 ada = s.find(CustomerV2.class, 1L);
                    assertThat(ada.home)
                            .isEqualTo(new AddressV2("1 Main St", "Springfield", "12345", null));
                    assertThat(ada.previous.get(0))
                            .isEqualTo(new AddressV2("2 Old Rd", "Shelbyville", "54321", null));
                    ada.home = new AddressV2("1 Main St", "Springfield", "12345", "US");
                });
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select (home).country || ' ' || (home).zip from customer where id = 1",
                                        String.class))
                .isEqualTo("US 12345");
        assertThat(db.sql().queryValue("select count(*) from customer", Long.class)).isEqualTo(2L);
    }

    @Test
    void updateRefusesARetypedAttributeAndLosesNothing(PgTestDatabase db) {
        close(db);
        assertThatThrownBy(() -> db.schemaAction("update", CustomerZipNumber.class))
                .hasStackTraceContaining(
                        "composite type postal_address is (city character varying(255), street"
                                + " character varying(255), zip character varying(255)) in the"
                                + " database, the mapping wants (zip integer, city character"
                                + " varying(255), street character varying(255))")
                .hasStackTraceContaining("write a migration");
        assertThatThrownBy(() -> db.schemaAction("validate", CustomerZipNumber.class))
                .hasStackTraceContaining("composite type postal_address is (");
        assertThat(attributes(db)).endsWith("zip character varying(255)");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg((home).zip, ',' order by id) from customer",
                                        String.class))
                .isEqualTo("12345,99999");
    }
}
