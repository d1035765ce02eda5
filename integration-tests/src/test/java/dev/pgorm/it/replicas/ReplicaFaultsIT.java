package dev.pgorm.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.replicas.PgReplicasSettings;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The replica of scripts/scale-out-db.sh stopped mid-run: reads move to the primary, and come back
 * to the replica by themselves once it is started again (it is always started again).
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaFaultsIT extends ReplicaFixture {

    private static final Path REPLICA_LOG =
            Path.of("/var/log/postgresql/postgresql-15-replica5433.log");

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (replicaUrl == null) {
            return; // no fixture: each test then skips, by name, in needsReplica
        }
        sf =
                db.entityManagerFactory(
                        List.of(Note.class),
                        replicaSettings(Map.of(PgReplicasSettings.CHECK_INTERVAL, "200ms")));
        sf.inTransaction(s -> s.persist(new Note(1L, "there before the fault")));
    }

    @AfterAll
    void replicaRunsAgain() {
        if (sf == null) {
            return; // no replica, no fixture
        }
        if (!PgCtl.running(PgCtl.REPLICA_DATA)) {
            PgCtl.start(PgCtl.REPLICA_DATA, REPLICA_LOG);
        }
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

    /** Where the next read-only session reads, and that it finds the row. */
    private boolean readOnReplica() {
        try (Session s = sf.withOptions().readOnly(true).openSession()) {
            boolean replica = onReplica(s);
            if (replica || s.find(Note.class, 1L) != null) {
                return replica;
            }
            throw new AssertionError("the primary lost row 1");
        }
    }

    @Test
    void readsLeaveAStoppedReplicaAndComeBackAfterItsRestart() throws InterruptedException {
        for (int i = 0; i < 50 && !readOnReplica(); i++) {
            Thread.sleep(100); // the row reaches the replica
        }
        assertThat(readOnReplica()).isTrue();

        PgCtl.stop(PgCtl.REPLICA_DATA);
        try {
            // Within a check interval (200 ms here) the health check leaves the replica out.
            Thread.sleep(1000);
            for (int i = 0; i < 5; i++) {
                assertThat(readOnReplica()).as("read %d with the replica down", i).isFalse();
            }
        } finally {
            PgCtl.start(PgCtl.REPLICA_DATA, REPLICA_LOG);
        }

        long deadline = System.nanoTime() + 15_000_000_000L;
        boolean back = false;
        while (!back && System.nanoTime() < deadline) {
            back = readOnReplica();
            if (!back) {
                Thread.sleep(100);
            }
        }
        assertThat(back).as("reads on the replica again within 15 s of its restart").isTrue();
    }

    @Test
    void aReadUnderWayWhenTheReplicaStopsIsAnsweredByThePrimary() throws Exception {
        for (int i = 0; i < 50 && !readOnReplica(); i++) {
            Thread.sleep(100); // the replica is healthy
        }
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Session s = sf.withOptions().readOnly(true).openSession()) {
            assertThat(onReplica(s)).isTrue();
            Future<Boolean> answer =
                    reader.submit(
                            () ->
                                    s.doReturningWork(
                                            c -> {
                                                try (PreparedStatement st =
                                                        c.prepareStatement(
                                                                "select pg_is_in_recovery()"
                                                                        + " from pg_sleep(3)")) {
                                                    try (ResultSet rs = st.executeQuery()) {
                                                        rs.next();
                                                        return rs.getBoolean(1);
                                                    }
                                                }
                                            }));
            try {
                awaitSleepOnReplica();
                PgCtl.stop(PgCtl.REPLICA_DATA); // fast: the sleeping backend ends with 57P01
                assertThat(answer.get(30, TimeUnit.SECONDS))
                        .as("pg_is_in_recovery() of the server that answered")
                        .isFalse();
                assertThat(onReplica(s)).as("the session stays on the primary").isFalse();
            } finally {
                if (!PgCtl.running(PgCtl.REPLICA_DATA)) {
                    PgCtl.start(PgCtl.REPLICA_DATA, REPLICA_LOG);
                }
            }
        } finally {
            reader.shutdownNow();
        }
        for (int i = 0; i < 150 && !readOnReplica(); i++) {
            Thread.sleep(100); // back for the next test
        }
    }

    /** Waits until the replica runs the test's {@code pg_sleep}. */
    private void awaitSleepOnReplica() throws Exception {
        try (Connection c = DriverManager.getConnection(replicaUrl, user, password);
                PreparedStatement st =
                        c.prepareStatement(
                                """
                                select count(*) from pg_stat_activity
                                where query like '%from pg_sleep(3)' and state = 'active'
                                  and pid <> pg_backend_pid()""")) {
            for (int i = 0; i < 100; i++) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the pg_sleep never ran on the replica");
    }
}
