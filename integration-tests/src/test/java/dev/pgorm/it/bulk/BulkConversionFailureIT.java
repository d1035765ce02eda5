package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A row whose conversion throws something other than a PgBulkException (here an AttributeConverter,
 * which Hibernate wraps in a PersistenceException) cancels the open COPY: the rollback returns and
 * the session's connection takes the next bulk insert.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkConversionFailureIT {

    /** Refuses the word "boom", as a converter with validation would. */
    public static class Picky implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String value) {
            if ("boom".equals(value)) {
                throw new IllegalStateException("Picky refuses " + value);
            }
            return value;
        }

        @Override
        public String convertToEntityAttribute(String value) {
            return value;
        }
    }

    @Entity(name = "Reading")
    @Table(name = "reading")
    public static class Reading {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @Convert(converter = Picky.class)
        String label;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Reading.class);
    }

    private static Reading reading(String label) {
        Reading r = new Reading();
        r.label = label;
        return r;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aThrowingConverterOnTheLastRowCancelsTheCopyAndTheSessionStaysUsable(PgTestDatabase db) {
        List<Reading> rows =
                IntStream.range(0, 300)
                        .mapToObj(i -> reading(i == 299 ? "boom" : "ok " + i))
                        .toList();
        try (var s = sf.openSession()) {
            s.beginTransaction();
            assertThatThrownBy(() -> PgBulk.insert(s, rows))
                    .isInstanceOf(PersistenceException.class)
                    .hasRootCauseMessage("Picky refuses boom");
            s.getTransaction().rollback(); // blocked forever while the COPY was left open
            s.beginTransaction();
            long n =
                    PgBulk.insert(
                            s,
                            IntStream.range(0, 300).mapToObj(i -> reading("again " + i)).toList());
            s.getTransaction().commit();
            assertThat(n).isEqualTo(300);
        }
        assertThat(db.sql().queryValue("select count(*) from reading", Long.class)).isEqualTo(300L);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from reading where label like 'again %'",
                                        Long.class))
                .isEqualTo(300L);
    }
}
