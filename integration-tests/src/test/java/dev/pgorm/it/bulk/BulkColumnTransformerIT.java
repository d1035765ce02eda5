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
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.ColumnTransformer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A custom write expression is applied to every row, below and above the COPY threshold. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkColumnTransformerIT {

    @Entity(name = "Shout")
    @Table(name = "shout")
    public static class Shout {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @ColumnTransformer(write = "upper(?)")
        String word;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Shout.class);
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        db.execute("delete from shout");
    }

    private long insertAndCountUpper(PgTestDatabase db, int n) {
        sf.inTransaction(
                em ->
                        PgBulk.insert(
                                em,
                                IntStream.range(0, n)
                                        .mapToObj(
                                                i -> {
                                                    Shout s = new Shout();
                                                    s.word = "word " + i;
                                                    return s;
                                                })
                                        .toList()));
        assertThat(db.sql().queryValue("select count(*) from shout", Long.class)).isEqualTo(n);
        return db.sql()
                .queryValue("select count(*) from shout where word = upper(word)", Long.class);
    }

    @Test
    void theWriteExpressionAppliesAboveTheThreshold(PgTestDatabase db) {
        assertThat(insertAndCountUpper(db, 300)).isEqualTo(300);
    }

    @Test
    void theWriteExpressionAppliesBelowTheThreshold(PgTestDatabase db) {
        assertThat(insertAndCountUpper(db, 199)).isEqualTo(199);
    }
}
