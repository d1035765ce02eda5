package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.SQLDelete;
import org.hibernate.annotations.SQLUpdate;
import org.hibernate.annotations.SoftDelete;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What PgBulk refuses (entities spanning several tables, inheritance hierarchies) fails before
 * anything is written, says why, and leaves the session usable for a normal persist.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkRefusalsIT {

    @Entity(name = "Profile")
    @Table(name = "profile")
    @SecondaryTable(name = "profile_detail")
    public static class Profile {
        @Id Long id;
        String name;

        @Column(table = "profile_detail")
        String bio;
    }

    @Entity(name = "Vehicle")
    @Table(name = "vehicle")
    @Inheritance(strategy = InheritanceType.JOINED)
    public static class Vehicle {
        @Id Long id;
        String maker;
    }

    @Entity(name = "Truck")
    @Table(name = "truck")
    public static class Truck extends Vehicle {
        int axles;
    }

    @Entity(name = "Animal")
    @Table(name = "animal")
    public static class Animal {
        @Id Long id;
        String name;
    }

    @Entity(name = "Dog")
    public static class Dog extends Animal {
        String breed;
    }

    @Entity(name = "Memo")
    @Table(name = "memo")
    @SoftDelete
    public static class Memo {
        @Id Long id;
        String text;
    }

    @Entity(name = "Ledger")
    @Table(name = "ledger")
    @SQLDelete(sql = "update ledger set closed = true where id = ?")
    @SQLUpdate(sql = "update ledger set text = ?, closed = ? where id = ?")
    public static class Ledger {
        @Id Long id;
        String text;
        boolean closed;
    }

    @Entity(name = "Marked")
    @Table(name = "marked")
    @DiscriminatorColumn(name = "kind")
    @DiscriminatorValue("M")
    public static class Marked {
        @Id Long id;
        String text;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf =
                db.entityManagerFactory(
                        Profile.class,
                        Vehicle.class,
                        Truck.class,
                        Animal.class,
                        Dog.class,
                        Memo.class,
                        Ledger.class,
                        Marked.class);
    }

    @Test
    void anEntityWithASecondaryTableIsRefusedAndNothingIsWritten(PgTestDatabase db) {
        Profile p = new Profile();
        p.id = 1L;
        p.name = "Ada";
        p.bio = "first programmer";
        assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.insert(em, List.of(p))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(Profile.class.getName())
                .hasMessageContaining("secondary tables");
        assertThat(db.sql().queryValue("select count(*) from profile", Long.class)).isZero();
        sf.inTransaction(em -> em.persist(p));
        assertThat(db.sql().queryValue("select bio from profile_detail", String.class))
                .isEqualTo("first programmer");
    }

    @Test
    void joinedAndSingleTableHierarchiesAreRefused(PgTestDatabase db) {
        Truck truck = new Truck();
        truck.id = 1L;
        truck.axles = 3;
        assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.insert(em, List.of(truck))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(Truck.class.getName());
        Dog dog = new Dog();
        dog.id = 1L;
        dog.breed = "collie";
        assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.insert(em, List.of(dog))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("inheritance hierarchy")
                .hasMessageContaining(Dog.class.getName());
        Animal animal = new Animal();
        animal.id = 2L;
        assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.insert(em, List.of(animal))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("inheritance hierarchy");
        assertThat(db.sql().queryValue("select count(*) from vehicle", Long.class)).isZero();
        assertThat(db.sql().queryValue("select count(*) from animal", Long.class)).isZero();
    }

    @Test
    void softDeleteEntitiesAreRefusedForEveryWriteAndKeepTheirRows(PgTestDatabase db) {
        Memo memo = new Memo();
        memo.id = 1L;
        memo.text = "kept";
        sf.inTransaction(em -> em.persist(memo));
        Memo other = new Memo();
        other.id = 2L;
        other.text = "new";
        for (Runnable call :
                List.<Runnable>of(
                        () -> sf.inTransaction(em -> PgBulk.insert(em, List.of(other))),
                        () ->
                                sf.inTransaction(
                                        em -> PgBulk.upsert(em, List.of(other), PgConflict.onId())),
                        () -> sf.inTransaction(em -> PgBulk.update(em, List.of(memo))),
                        () -> sf.inTransaction(em -> PgBulk.delete(em, Memo.class, List.of(1L))))) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("@SoftDelete")
                    .hasMessageContaining(Memo.class.getName());
        }
        assertThat(db.sql().queryValue("select count(*) from memo", Long.class)).isEqualTo(1);
        assertThat(db.sql().queryValue("select deleted from memo", Boolean.class)).isFalse();
    }

    @Test
    void customSqlIsRefusedForItsOwnMutationOnly(PgTestDatabase db) {
        Ledger ledger = new Ledger();
        ledger.id = 1L;
        ledger.text = "open";
        sf.inTransaction(em -> PgBulk.insert(em, List.of(ledger)));
        assertThatThrownBy(
                        () -> sf.inTransaction(em -> PgBulk.delete(em, Ledger.class, List.of(1L))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("@SQLDelete");
        ledger.text = "changed";
        assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.update(em, List.of(ledger))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("@SQLUpdate");
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        em ->
                                                PgBulk.upsert(
                                                        em, List.of(ledger), PgConflict.onId())))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("@SQLUpdate");
        assertThat(db.sql().queryValue("select text from ledger where id = 1", String.class))
                .isEqualTo("open");
        sf.inTransaction(em -> em.remove(em.find(Ledger.class, 1L)));
        assertThat(db.sql().queryValue("select closed from ledger where id = 1", Boolean.class))
                .isTrue();
    }

    @Test
    void aRootEntityWithADeclaredDiscriminatorIsRefused(PgTestDatabase db) {
        Marked marked = new Marked();
        marked.id = 1L;
        marked.text = "m";
        assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.insert(em, List.of(marked))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("discriminator");
        assertThat(db.sql().queryValue("select count(*) from marked", Long.class)).isZero();
    }
}
