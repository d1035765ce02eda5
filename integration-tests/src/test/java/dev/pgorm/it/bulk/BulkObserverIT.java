package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkObserver;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The persistence unit's {@link PgBulkObserver} is told of every completed call, for metrics. */
@PgTest
class BulkObserverIT {

    @Entity(name = "Gauge")
    @Table(name = "gauge")
    public static class Gauge {
        @Id Long id;

        Gauge() {}

        Gauge(long id) {
            this.id = id;
        }
    }

    record Call(String operation, long rows, long nanos) {}

    @BeforeEach
    void fresh(PgTestDatabase db) {
        db.resetSchema();
    }

    @Test
    void everyCompletedCallIsObservedWithItsRows(PgTestDatabase db) {
        List<Call> calls = new ArrayList<>();
        // tag::observer[]
        PgBulkObserver observer =
                (operation, rows, nanos) -> calls.add(new Call(operation, rows, nanos));
        SessionFactory sf =
                db.entityManagerFactory(
                        List.of(Gauge.class), Map.of(PgBulkSettings.OBSERVER, observer));
        // end::observer[]
        sf.inTransaction(
                em -> {
                    PgBulk.insert(em, LongStream.rangeClosed(1, 300).mapToObj(Gauge::new));
                    PgBulk.insert(em, List.of(new Gauge(301)));
                    PgBulk.upsert(
                            em,
                            List.of(new Gauge(1), new Gauge(302)),
                            PgConflict.onId().doNothing());
                    PgBulk.delete(em, Gauge.class, List.of(1L, 2L, 999L));
                });
        assertThat(calls)
                .extracting(Call::operation)
                .containsExactly("insert", "insert", "upsert", "delete");
        assertThat(calls).extracting(Call::rows).containsExactly(300L, 1L, 1L, 2L);
        assertThat(calls).allSatisfy(c -> assertThat(c.nanos()).isPositive());
        db.close(sf);
    }

    @Test
    void aSettingThatIsNoObserverIsNamed(PgTestDatabase db) {
        SessionFactory sf =
                db.entityManagerFactory(
                        List.of(Gauge.class),
                        Map.of(PgBulkSettings.OBSERVER, "com.example.Meters"));
        assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.insert(em, List.of(new Gauge(1)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "pgorm.bulk.observer must hold a PgBulkObserver instance, not java.lang.String");
        db.close(sf);
    }
}
