package dev.pgorm.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.replicas.PgReplicas;
import dev.pgorm.replicas.PgReplicasSettings;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Read-your-writes by WAL position, against the replica of scripts/scale-out-db.sh slowed down by
 * {@code recovery_min_apply_delay = 2s} for this class (reset afterwards): a read that carries the
 * token sees the row just written, on the replica; a read without it does not.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadYourWritesIT extends ReplicaFixture {

    private SessionFactory sf;
    private SessionFactory impatient;
    private SessionFactory strict;

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
        impatient =
                db.entityManagerFactory(
                        List.of(Note.class),
                        replicaSettings(
                                Map.of(
                                        AvailableSettings.HBM2DDL_AUTO,
                                        "none",
                                        PgReplicasSettings.WAIT_TIMEOUT,
                                        "100ms")));
        strict =
                db.entityManagerFactory(
                        List.of(Note.class),
                        replicaSettings(
                                Map.of(
                                        AvailableSettings.HBM2DDL_AUTO,
                                        "none",
                                        PgReplicasSettings.MAX_LAG,
                                        "200ms",
                                        PgReplicasSettings.CHECK_INTERVAL,
                                        "100ms")));
        // The table reaches the replica before the delay starts.
        String created = db.sql().queryValue("select pg_current_wal_lsn()::text", String.class);
        PgReplicas.withToken(
                created,
                () -> {
                    try (Session s = sf.withOptions().readOnly(true).openSession()) {
                        assertThat(onReplica(s)).isTrue();
                    }
                });
        setOnReplica("recovery_min_apply_delay", "2s");
    }

    private boolean onReplicaAlready(long id) throws SQLException {
        return Long.parseLong(replicaValue("select count(*) from Note where id = " + id)) > 0;
    }

    private static boolean onReplica(Session s) {
        return s.doReturningWork(
                c -> {
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery("select pg_is_in_recovery()")) {
                        rs.next();
                        return rs.getBoolean(1);
                    }
                });
    }

    @Test
    void aReadWithTheTokenSeesTheRowJustWrittenOnTheReplica() throws SQLException {
        // tag::token[]
        sf.inTransaction(s -> s.persist(new Note(1L, "just written")));
        String token = PgReplicas.token(); // the primary's WAL position after the commit
        // end::token[]
        assertThat(token).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(onReplicaAlready(1L)).as("the replica applies it 2 s late").isFalse();

        try (Session s = sf.withOptions().readOnly(true).openSession()) {
            // this thread holds the token: the session waits for the replica to replay it
            assertThat(onReplica(s)).isTrue();
            assertThat(s.find(Note.class, 1L)).isNotNull();
        }
    }

    @Test
    void aReadWithoutTheTokenDoesNotSeeItAndACarriedTokenDoes() throws Exception {
        sf.inTransaction(s -> s.persist(new Note(2L, "carried")));
        String token = PgReplicas.token();

        // A fresh thread, as another request would, without the token (withToken(null, ...) keeps
        // the thread's own token).
        CompletableFuture.runAsync(
                        () -> {
                            try (Session s = sf.withOptions().readOnly(true).openSession()) {
                                assertThat(onReplica(s)).isTrue();
                                assertThat(s.find(Note.class, 2L)).isNull();
                            }
                        },
                        r -> new Thread(r).start())
                .get();

        // Another thread, as another request would, with the token from a cookie or header.
        Note seen =
                CompletableFuture.supplyAsync(
                                () ->
                                        // tag::with-token[]
                                        PgReplicas.withToken(
                                                token,
                                                () -> {
                                                    try (Session s =
                                                            sf.withOptions()
                                                                    .readOnly(true)
                                                                    .openSession()) {
                                                        assertThat(onReplica(s)).isTrue();
                                                        return s.find(Note.class, 2L);
                                                    }
                                                })
                                // end::with-token[]
                                )
                        .get();
        assertThat(seen).isNotNull();
        assertThat(seen.text).isEqualTo("carried");
    }

    @Test
    void aReplicaThatDoesNotCatchUpInTimeLeavesTheReadToThePrimary() {
        impatient.inTransaction(s -> s.persist(new Note(3L, "urgent")));
        try (Session s = impatient.withOptions().readOnly(true).openSession()) {
            assertThat(onReplica(s)).isFalse();
            assertThat(s.find(Note.class, 3L)).isNotNull();
        }
    }

    @Test
    void threadsThatNeverWroteHoldNoToken() throws Exception {
        String token =
                CompletableFuture.supplyAsync(
                                () -> {
                                    sf.inTransaction(s -> s.find(Note.class, 1L));
                                    try (Session s =
                                            sf.withOptions().readOnly(true).openSession()) {
                                        assertThat(onReplica(s)).isTrue();
                                    }
                                    return PgReplicas.token();
                                })
                        .get();
        assertThat(token).isNull();
    }

    @Test
    void aTokenThatIsNoWalPositionIsRefused() {
        assertThatThrownBy(() -> PgReplicas.withToken("yesterday", () -> 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16/B374D848");
    }

    @Test
    void aForgedFarFutureTokenWaitsOnlyForThePrimarysPosition() {
        long start = System.nanoTime();
        boolean replica =
                PgReplicas.withToken(
                        "FFFFFFFF/0",
                        () -> {
                            try (Session s = sf.withOptions().readOnly(true).openSession()) {
                                return onReplica(s);
                            }
                        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        // wait_timeout is 10 s; the replica replays the primary's position after its 2 s delay.
        assertThat(millis).as("ms waited").isLessThan(8000);
        assertThat(replica)
                .as("read on the replica once it replayed the primary's position")
                .isTrue();
    }

    private boolean strictReadOnReplica() {
        try (Session s = strict.withOptions().readOnly(true).openSession()) {
            return onReplica(s);
        }
    }

    @Test
    void aReplicaFurtherBehindThanMaxLagServesNoReadsUntilItCatchesUp() throws Exception {
        strict.inTransaction(s -> s.persist(new Note(4L, "lagging")));
        long written = System.nanoTime();
        PgReplicas.withToken(
                null,
                () -> {
                    // The 2 s apply delay keeps the replica behind; the check (every 100 ms) sees
                    // it more than max_lag = 200 ms behind and leaves it out.
                    boolean leftOut = false;
                    while (!leftOut && System.nanoTime() - written < 1_800_000_000L) {
                        leftOut = !strictReadOnReplica();
                        sleep(50);
                    }
                    assertThat(leftOut).as("a lagging replica serves no reads").isTrue();
                    boolean back = false;
                    while (!back && System.nanoTime() - written < 15_000_000_000L) {
                        back = strictReadOnReplica();
                        sleep(50);
                    }
                    assertThat(back).as("serves again once it replayed the write").isTrue();
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
