package dev.pgorm.demo;

import dev.pgorm.replicas.PgReplicas;
import dev.pgorm.replicas.PgReplicasConnectionProvider;
import dev.pgorm.replicas.PgReplicasSettings;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Demo section: read-only sessions on the streaming replica that {@code scripts/scale-out-db.sh}
 * runs on port 5433 ({@code PGORM_DEMO_REPLICA_URL} to use another), and read-your-writes: a tip
 * written on the primary is read on the replica once the replica has replayed it.
 */
final class ReplicaDemo {

    private static final String WHERE =
            """
            select case when pg_is_in_recovery() then 'replica' else 'primary' end
                   || ' on port ' || inet_server_port()
            """;

    private ReplicaDemo() {}

    static void run() {
        DemoConsole.section("Read replicas (read-only sessions on the replica, read-your-writes)");
        String replica =
                System.getenv()
                        .getOrDefault(
                                "PGORM_DEMO_REPLICA_URL",
                                DemoDatabase.url().replace(":5432/", ":5433/"));
        HibernatePersistenceConfiguration config =
                new HibernatePersistenceConfiguration("pgorm-demo-replicas")
                        .managedClasses(Tip.class)
                        .jdbcUrl(DemoDatabase.url())
                        .jdbcUsername(DemoDatabase.user())
                        .property(AvailableSettings.HBM2DDL_AUTO, "none")
                        .property(
                                AvailableSettings.CONNECTION_PROVIDER,
                                PgReplicasConnectionProvider.class.getName())
                        .property(PgReplicasSettings.URLS, replica)
                        .property(PgReplicasSettings.WAIT_TIMEOUT, "2s");
        if (DemoDatabase.password() != null) {
            config.jdbcPassword(DemoDatabase.password());
        }
        try (SessionFactory sf = config.createEntityManagerFactory()) {
            String written =
                    sf.fromTransaction(
                            s -> {
                                s.persist(new Tip(1, "Come early: the queue is short at nine."));
                                return where(s);
                            });
            String token = PgReplicas.token();
            System.out.println("  wrote a tip on the " + written + "; token " + token);
            try (Session s = sf.withOptions().readOnly(true).openSession()) {
                long tips =
                        s.createSelectionQuery("select count(*) from Tip t", Long.class)
                                .getSingleResult();
                System.out.println(
                        "  a read-only session read "
                                + tips
                                + " tips on the "
                                + where(s)
                                + ", after it had replayed the token");
            }
        }
    }

    private static String where(Session s) {
        return s.createNativeQuery(WHERE, String.class).getSingleResult();
    }
}
