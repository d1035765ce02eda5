package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.inheritance.Inherits;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PostgreSQL table inheritance between two entities. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InheritanceIT {

    // tag::inherits[]
    @MappedSuperclass
    static class VehicleBase {
        @Id Long id;
        String plate;
    }

    @Entity(name = "Vehicle")
    @Table(name = "vehicle")
    static class Vehicle extends VehicleBase {}

    @Entity(name = "Truck")
    @Table(name = "truck")
    @Inherits(Vehicle.class)
    static class Truck extends VehicleBase {
        int payload;
    }

    // end::inherits[]

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Truck.class, Vehicle.class);
    }

    @Test
    void childTableInheritsAndParentQueriesSeeChildRows(PgTestDatabase db) {
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_inherits where inhrelid = 'truck'::regclass and inhparent = 'vehicle'::regclass",
                                        Long.class))
                .isEqualTo(1L);
        sf.inTransaction(
                s -> {
                    Vehicle car = new Vehicle();
                    car.id = 1L;
                    car.plate = "B-CAR-1";
                    s.persist(car);
                    Truck truck = new Truck();
                    truck.id = 2L;
                    truck.plate = "B-TRUCK-2";
                    truck.payload = 7000;
                    s.persist(truck);
                });
        List<String> plates =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select v.plate from Vehicle v order by v.id",
                                                String.class)
                                        .getResultList());
        assertThat(plates).containsExactly("B-CAR-1", "B-TRUCK-2");
        Long trucks =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from Truck", Long.class)
                                        .getSingleResult());
        assertThat(trucks).isEqualTo(1L);
    }

    @MappedSuperclass
    static class AutoBase {
        @Id Long id;
        String plate;
    }

    @Entity(name = "Auto")
    @Table(name = "auto")
    static class Auto extends AutoBase {}

    @Entity(name = "Van")
    @Table(name = "van")
    @Inherits(Auto.class)
    static class Van extends AutoBase {}

    /** The next version: a new attribute on the shared base class. */
    @MappedSuperclass
    static class AutoBaseV2 {
        @Id Long id;
        String plate;
        String color;
    }

    @Entity(name = "Auto")
    @Table(name = "auto")
    static class AutoV2 extends AutoBaseV2 {}

    @Entity(name = "Van")
    @Table(name = "van")
    @Inherits(AutoV2.class)
    static class VanV2 extends AutoBaseV2 {}

    @Test
    void updateAddsANewInheritedColumnOnceAndKeepsRows(PgTestDatabase db) {
        // parent "auto" sorts before child "van": Hibernate alters the parent first
        db.schemaAction("update", Auto.class, Van.class);
        db.execute(
                "insert into auto (id, plate) values (1, 'A-1')",
                "insert into van (id, plate) values (2, 'V-2')");
        for (int i = 0; i < 2; i++) {
            db.schemaAction("update", AutoV2.class, VanV2.class);
        }
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg(c.relname || ':' || a.attinhcount, ',' order by c.relname)"
                                                + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
                                                + " where a.attname = 'color' and c.relname in ('auto', 'van')"
                                                + " and c.relnamespace = current_schema()::regnamespace",
                                        String.class))
                .isEqualTo("auto:0,van:1");
        assertThat(db.sql().queryValue("select count(*) from auto", Long.class)).isEqualTo(2L);
        db.schemaAction("validate", AutoV2.class, VanV2.class);
    }
}
