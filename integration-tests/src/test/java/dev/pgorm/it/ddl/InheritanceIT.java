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
}
