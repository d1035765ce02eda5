package dev.pgorm.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.replicas.PgReplicas;
import dev.pgorm.replicas.PgReplicasSettings;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real recovery conflict: the replica (with {@code max_standby_streaming_delay = 100ms} for this
 * class) cancels a long query when it replays an ACCESS EXCLUSIVE lock the primary took on the
 * table; the query runs once more on the primary and the session gets its answer.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryConflictIT extends ReplicaFixture {

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) throws Exception {
        if (replicaUrl == null) {
            return; // no fixture: each test then skips, by name, in needsReplica
        }
        sf =
                db.entityManagerFactory(
                        List.of(Note.class),
                        replicaSettings(
                                Map.of(
                                        PgReplicasSettings.WAIT_TIMEOUT,
                                        "10s",
                                        PgReplicasSettings.CHECK_INTERVAL,
                                        "200ms")));
        sf.inTransaction(s -> s.persist(new Note(1L, "read while the primary locks")));
        // The row is on the replica before the conflict is staged.
        try (Session s = sf.withOptions().readOnly(true).openSession()) {
            assertThat(s.find(Note.class, 1L)).isNotNull();
        }
        PgReplicas.withToken(null, () -> {});
        setOnReplica("max_standby_streaming_delay", "100ms");
    }

    @Test
    void aQueryTheReplicaCancelsRunsAgainOnThePrimary(PgTestDatabase db) throws Exception {
        long conflictsBefore =
                Long.parseLong(
                        replicaValue(
                                "select confl_lock from pg_stat_database_conflicts"
                                        + " where datname = current_database()"));
        CompletableFuture<Void> lock =
                CompletableFuture.runAsync(
                        () -> {
                            try (Connection c = db.connection();
                                    Statement s = c.createStatement()) {
                                Thread.sleep(500);
                                c.setAutoCommit(false);
                                s.execute("lock table Note in access exclusive mode");
                                c.commit();
                            } catch (SQLException | InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });

        Boolean inRecovery;
        try (Session s = sf.withOptions().readOnly(true).openSession()) {
            s.beginTransaction();
            // Holds a lock on Note on the replica for 2 s; the replayed lock cancels it there.
            inRecovery =
                    s.createNativeQuery(
                                    "select pg_is_in_recovery() from Note n, pg_sleep(2)",
                                    Boolean.class)
                            .getSingleResult();
            s.getTransaction().commit();
        }
        lock.get(30, TimeUnit.SECONDS);

        assertThat(inRecovery)
                .as("answered by the primary after the replica cancelled it")
                .isFalse();
        // The cancelled backend reports the conflict to the statistics when it exits at the
        // latest: closing the factory closes its pools.
        db.close(sf);
        long conflictsAfter = conflictsBefore;
        for (int i = 0; i < 50 && conflictsAfter == conflictsBefore; i++) {
            Thread.sleep(100);
            conflictsAfter =
                    Long.parseLong(
                            replicaValue(
                                    "select confl_lock from pg_stat_database_conflicts"
                                            + " where datname = current_database()"));
        }
        assertThat(conflictsAfter)
                .as("the replica counted a lock conflict")
                .isGreaterThan(conflictsBefore);
    }
}
