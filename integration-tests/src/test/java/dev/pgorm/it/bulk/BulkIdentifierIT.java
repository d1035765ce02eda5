package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A primitive generated identifier left at 0 is unsaved (Hibernate's unsaved-value), so it gets a
 * generated id on both paths, as with persist.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkIdentifierIT {

    @Entity(name = "Tally")
    @Table(name = "tally")
    public static class Tally {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        long id;

        int count;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Tally.class);
    }

    private static List<Tally> tallies(int n) {
        return IntStream.range(0, n)
                .mapToObj(
                        i -> {
                            Tally t = new Tally();
                            t.count = i;
                            return t;
                        })
                .toList();
    }

    @Test
    void aPrimitiveZeroIdGetsAGeneratedOneOnBothPaths(PgTestDatabase db) {
        List<Tally> few = tallies(5);
        List<Tally> many = tallies(300);
        sf.inTransaction(em -> PgBulk.insert(em, few));
        sf.inTransaction(em -> PgBulk.insert(em, many));
        assertThat(few).allSatisfy(t -> assertThat(t.id).isPositive());
        assertThat(many).allSatisfy(t -> assertThat(t.id).isPositive());
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(distinct id) from tally where id > 0",
                                        Long.class))
                .isEqualTo(305L);
    }
}
