package dev.pgorm.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.replicas.PgReplicasConnectionProvider;
import dev.pgorm.replicas.PgReplicasSettings;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Read-only sessions read on the streaming replica of scripts/scale-out-db.sh, everything else on
 * the primary, round-robin among replicas, and writes in a read-only session stop in Hibernate.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaRoutingIT extends ReplicaFixture {

    private SessionFactory sf;
    private SessionFactory twoReplicas;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (replicaUrl == null) {
            return; // no fixture: each test then skips, by name, in needsReplica
        }
        String replica = replicaUrl + "&user=" + user;
        // tag::configure[]
        Map<String, Object> settings =
                Map.of(
                        AvailableSettings.CONNECTION_PROVIDER,
                        PgReplicasConnectionProvider.class.getName(),
                        PgReplicasSettings.URLS,
                        replica, // jdbc:postgresql://replica:5432/app?user=...
                        PgReplicasSettings.MAX_LAG,
                        "10s",
                        PgReplicasSettings.CHECK_INTERVAL,
                        "200ms");
        // end::configure[]
        sf = db.entityManagerFactory(List.of(Note.class), settings);
        // The same replica twice, told apart by application_name, shows the round-robin.
        twoReplicas =
                db.entityManagerFactory(
                        List.of(Note.class),
                        replicaSettings(
                                Map.of(
                                        AvailableSettings.HBM2DDL_AUTO,
                                        "none",
                                        PgReplicasSettings.URLS,
                                        replica
                                                + "&ApplicationName=replica_a,"
                                                + replica
                                                + "&ApplicationName=replica_b")));
    }

    private static String where(Session s) {
        return s.doReturningWork(
                c -> {
                    try (var st = c.createStatement();
                            var rs =
                                    st.executeQuery(
                                            "select pg_is_in_recovery(), inet_server_port(),"
                                                    + " current_setting('application_name')")) {
                        rs.next();
                        return (rs.getBoolean(1) ? "replica" : "primary")
                                + ":"
                                + rs.getInt(2)
                                + ":"
                                + rs.getString(3);
                    }
                });
    }

    @Test
    void readOnlySessionsReadOnTheReplica() {
        // tag::read-only[]
        try (Session s = sf.withOptions().readOnly(true).openSession()) {
            // served by a replica: pg_is_in_recovery() is true there
            assertThat(where(s)).startsWith("replica:5433");
        }
        // end::read-only[]
    }

    @Test
    void otherSessionsWorkOnThePrimary(PgTestDatabase db) {
        sf.inTransaction(s -> s.persist(new Note(1L, "written on the primary")));
        try (Session s = sf.openSession()) {
            assertThat(where(s)).startsWith("primary:5432");
        }
        assertThat(db.sql().queryValue("select count(*) from Note where id = 1", Long.class))
                .isEqualTo(1);
    }

    @Test
    void theReplicaServesTheDataThePrimaryWrote() throws InterruptedException {
        sf.inTransaction(s -> s.persist(new Note(2L, "replicated")));
        Note found = null;
        for (int i = 0; i < 100 && found == null; i++) {
            try (Session s = sf.withOptions().readOnly(true).openSession()) {
                assertThat(where(s)).startsWith("replica");
                found = s.find(Note.class, 2L);
            }
            if (found == null) {
                Thread.sleep(20);
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.text).isEqualTo("replicated");
    }

    @Test
    void aWriteInAReadOnlySessionStopsInHibernateAndReachesNoServer(PgTestDatabase db) {
        try (Session s = sf.withOptions().readOnly(true).openSession()) {
            s.beginTransaction();
            assertThatThrownBy(() -> s.persist(new Note(3L, "must not be written")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only")
                    .hasNoCause();
            Note existing = s.find(Note.class, 1L);
            if (existing != null) {
                assertThatThrownBy(() -> s.remove(existing))
                        .isInstanceOf(IllegalStateException.class)
                        .hasNoCause();
            }
            s.getTransaction().rollback();
        }
        assertThat(db.sql().queryValue("select count(*) from Note where id = 3", Long.class))
                .isZero();
    }

    @Test
    void readOnlySessionsTakeTheReplicasInTurn() {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try (Session s = twoReplicas.withOptions().readOnly(true).openSession()) {
                seen.add(where(s));
            }
        }
        assertThat(seen).allMatch(w -> w.startsWith("replica:5433"));
        assertThat(seen.get(0)).isNotEqualTo(seen.get(1));
        assertThat(seen.get(0)).isEqualTo(seen.get(2));
        assertThat(seen.get(1)).isEqualTo(seen.get(3));
        assertThat(seen)
                .anyMatch(w -> w.endsWith("replica_a"))
                .anyMatch(w -> w.endsWith("replica_b"));
    }
}
