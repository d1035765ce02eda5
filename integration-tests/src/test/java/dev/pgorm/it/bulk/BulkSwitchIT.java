package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkResult;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code pgorm.bulk.enabled=false} (and {@code pgorm.enabled=false}) turns COPY off: every call
 * writes batched INSERTs, with the same rows. A statement-level trigger counts the statements: COPY
 * is one statement, INSERTs are one each.
 */
@PgTest
class BulkSwitchIT {

    @Entity(name = "Reading")
    @Table(name = "reading")
    public static class Reading {
        @Id Long id;
        String sensor;

        Reading() {}

        Reading(long id) {
            this.id = id;
            this.sensor = "s" + id;
        }
    }

    @BeforeEach
    void fresh(PgTestDatabase db) {
        db.resetSchema();
    }

    private static long insertAndCountStatements(PgTestDatabase db, Map<String, String> settings) {
        SessionFactory sf = db.entityManagerFactory(List.of(Reading.class), settings);
        db.execute(
                "create table statements (n int)",
                """
                create function count_statement() returns trigger language plpgsql as $$
                begin insert into statements values (1); return null; end $$""",
                """
                create trigger count_statement after insert on reading
                for each statement execute function count_statement()""");
        long written =
                sf.fromTransaction(
                        em ->
                                PgBulk.insert(
                                        em, LongStream.rangeClosed(1, 500).mapToObj(Reading::new)));
        assertThat(written).isEqualTo(500);
        assertThat(db.sql().queryValue("select count(*) from reading", Long.class)).isEqualTo(500L);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from reading where sensor = 's' || id",
                                        Long.class))
                .isEqualTo(500L);
        long statements = db.sql().queryValue("select count(*) from statements", Long.class);
        db.close(sf);
        return statements;
    }

    @Test
    void copyByDefault(PgTestDatabase db) {
        assertThat(insertAndCountStatements(db, Map.of())).isEqualTo(1);
    }

    @Test
    void moduleSwitchTurnsCopyOff(PgTestDatabase db) {
        assertThat(insertAndCountStatements(db, Map.of(PgBulkSettings.ENABLED, "false")))
                .isGreaterThan(1);
    }

    @Test
    void globalSwitchTurnsCopyOff(PgTestDatabase db) {
        assertThat(insertAndCountStatements(db, Map.of("pgorm.enabled", "false"))).isGreaterThan(1);
    }

    @Test
    void upsertAndUpdateWorkWithCopyOff(PgTestDatabase db) {
        SessionFactory sf =
                db.entityManagerFactory(
                        List.of(Reading.class), Map.of(PgBulkSettings.ENABLED, "false"));
        List<Reading> rows = LongStream.rangeClosed(1, 500).mapToObj(Reading::new).toList();
        PgBulkResult first = sf.fromTransaction(em -> PgBulk.upsert(em, rows, PgConflict.onId()));
        assertThat(first).isEqualTo(new PgBulkResult(500, 0, 0));
        rows.forEach(r -> r.sensor = "x" + r.id);
        PgBulkResult second = sf.fromTransaction(em -> PgBulk.upsert(em, rows, PgConflict.onId()));
        assertThat(second).isEqualTo(new PgBulkResult(0, 500, 0));
        rows.forEach(r -> r.sensor = "y" + r.id);
        long updated = sf.fromTransaction(em -> PgBulk.update(em, rows));
        assertThat(updated).isEqualTo(500);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from reading where sensor = 'y' || id",
                                        Long.class))
                .isEqualTo(500L);
        db.close(sf);
    }
}
