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
import org.hibernate.annotations.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code validate} of a column holding an array of a {@code @Struct} type when another schema has a
 * type of the same name: the column must have the array type of the struct type the mapping
 * resolves to, whatever the other schema holds.
 */
@PgTest
class StructArraySchemaIT {

    /** A second schema of this class's own, not on the search path. */
    private static final String OTHER = "pgorm_struct_array_other";

    @Embeddable
    @Struct(name = "shipping_stop")
    record Stop(String city, String zip) {}

    @Entity(name = "Route")
    @Table(name = "route")
    static class Route {
        @Id Long id;
        List<Stop> stops; // shipping_stop[]
    }

    @BeforeEach
    void create(PgTestDatabase db) {
        db.resetSchema();
        db.execute(
                "drop schema if exists " + OTHER + " cascade",
                "create schema " + OTHER,
                "create type "
                        + OTHER
                        + ".shipping_stop as (city character varying(255), zip character varying(255))");
        db.schemaAction("create", Route.class);
        db.execute(
                "insert into route (id, stops) values (1, array[row('Springfield', '12345')::shipping_stop])");
    }

    @AfterEach
    void dropOther(PgTestDatabase db) {
        db.execute("drop schema if exists " + OTHER + " cascade");
    }

    private static String stopsType(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        """
                        select format_type(atttypid, atttypmod) from pg_attribute
                        where attrelid = 'route'::regclass and attname = 'stops'
                        """,
                        String.class);
    }

    @Test
    void theMappedTypeValidatesBesideASameNamedOneElsewhere(PgTestDatabase db) {
        assertThat(stopsType(db)).isEqualTo("shipping_stop[]");
        db.schemaAction("validate", Route.class);
        db.schemaAction("update", Route.class);
        db.schemaAction("validate", Route.class);
        assertThat(db.sql().queryValue("select (stops[1]).zip from route", String.class))
                .isEqualTo("12345");
    }

    @Test
    void anArrayOfTheSameNamedTypeInAnotherSchemaFailsValidate(PgTestDatabase db) {
        db.execute(
                "alter table route alter column stops type "
                        + OTHER
                        + ".shipping_stop[] using stops::text::"
                        + OTHER
                        + ".shipping_stop[]");
        assertThat(stopsType(db)).isEqualTo(OTHER + ".shipping_stop[]");
        assertThatThrownBy(() -> db.schemaAction("validate", Route.class))
                .hasStackTraceContaining(
                        "column route.stops is "
                                + OTHER
                                + ".shipping_stop[], the mapping wants shipping_stop[]"
                                + " (the array of @Struct type shipping_stop)");
    }

    @Test
    void aStructTypeOnlyInAnotherSchemaFailsValidateNamingIt(PgTestDatabase db) {
        db.execute(
                "alter table route alter column stops type "
                        + OTHER
                        + ".shipping_stop[] using stops::text::"
                        + OTHER
                        + ".shipping_stop[]",
                "drop type shipping_stop");
        assertThatThrownBy(() -> db.schemaAction("validate", Route.class))
                .hasStackTraceContaining("composite type shipping_stop")
                .hasStackTraceContaining("is missing")
                .hasStackTraceContaining(
                        "column route.stops is "
                                + OTHER
                                + ".shipping_stop[], but @Struct type shipping_stop does not"
                                + " exist");
        assertThat(db.sql().queryValue("select (stops[1]).city from route", String.class))
                .isEqualTo("Springfield");
    }
}
