package dev.pgorm.bench.cases;

import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.replicas.PgReplicas;
import dev.pgorm.replicas.PgReplicasConnectionProvider;
import dev.pgorm.replicas.PgReplicasSettings;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

/**
 * Issue: read replicas. Read-only transactions per second on the primary alone, and through {@code
 * PgReplicasConnectionProvider} on the streaming replica of scripts/scale-out-db.sh (port 5433).
 * Both servers run on the same machine, so the ratio shows the routing's overhead (choosing a
 * replica, the second pool, read-only sessions), not the capacity a replica adds.
 */
public final class ReplicaReadCase implements BenchmarkCase {

    static final int TRANSACTIONS = 2_000;

    static final int REPETITIONS = 21;

    /** A plain table, read by both sides. */
    @Entity(name = "BenchReplicaRow")
    @Table(name = "bench_replica_row")
    public static class BenchReplicaRow {
        @Id Long id;
        long amount;
    }

    private SessionFactory primaryOnly;
    private SessionFactory routed;

    @Override
    public String name() {
        return "Read-only transactions on a replica (reference)";
    }

    @Override
    public String baseline() {
        return "read-only transactions on the primary, Hibernate's provider";
    }

    @Override
    public String ours() {
        return "same through PgReplicasConnectionProvider, served by the replica on the same machine";
    }

    @Override
    public double target() {
        return 0;
    }

    @Override
    public int repetitions() {
        return REPETITIONS;
    }

    @Override
    public String notes() {
        return REPETITIONS
                + " repetitions of "
                + TRANSACTIONS
                + " single-row read-only transactions; primary and replica share one machine, so"
                + " the ratio is the routing's overhead, not added capacity";
    }

    @Override
    public void setUp(BenchEnv env) throws Exception {
        primaryOnly = env.sessionFactory(List.of(BenchReplicaRow.class), Map.of());
        env.execute(
                "insert into bench_replica_row (id, amount) select g, g from generate_series(1, 10000) g",
                "analyze bench_replica_row");
        String replica =
                env.dataSource()
                                .getJdbcUrl() // with the benchmark schema on the search path
                                .replaceFirst("^(jdbc:postgresql://)[^/]+", "$1localhost:5433")
                        + "&user="
                        + env.user();
        routed =
                env.sessionFactory(
                        List.of(BenchReplicaRow.class),
                        Map.of(
                                AvailableSettings.HBM2DDL_AUTO,
                                "none",
                                AvailableSettings.CONNECTION_PROVIDER,
                                PgReplicasConnectionProvider.class.getName(),
                                PgReplicasSettings.URLS,
                                replica,
                                PgReplicasSettings.WAIT_TIMEOUT,
                                "30s"));
        String loaded;
        try (Connection c = env.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_current_wal_lsn()::text")) {
            rs.next();
            loaded = rs.getString(1);
        }
        // The measured side must really read on the replica, once it holds the rows.
        boolean onReplica =
                PgReplicas.withToken(
                        loaded,
                        () -> {
                            try (Session s = routed.withOptions().readOnly(true).openSession()) {
                                return s.createNativeQuery(
                                                "select pg_is_in_recovery()", Boolean.class)
                                        .getSingleResult();
                            }
                        });
        if (!onReplica) {
            throw new IllegalStateException(
                    "no replica on localhost:5433 served the read: run scripts/scale-out-db.sh");
        }
    }

    private static void read(SessionFactory sf) {
        for (int i = 0; i < TRANSACTIONS; i++) {
            long id = 1 + (i * 7919L) % 10_000;
            try (Session s = sf.withOptions().readOnly(true).openSession()) {
                s.beginTransaction();
                s.find(BenchReplicaRow.class, id);
                s.getTransaction().commit();
            }
        }
    }

    @Override
    public void runBaseline() {
        read(primaryOnly);
    }

    @Override
    public void runOurs() {
        read(routed);
    }
}
