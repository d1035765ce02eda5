package dev.pgorm.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.notify.PgListener;
import dev.pgorm.rls.RlsContext;
import dev.pgorm.rls.RlsDeploymentCheck;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Demo sections: two tenants' notes behind row-level security, read as the unprivileged role, and
 * the change events of those notes, received by the demo's own LISTEN/NOTIFY listener.
 */
final class TenantDemo {

    private TenantDemo() {}

    static void run(SessionFactory owner) {
        DemoConsole.section("Two tenants (row-level security, as the unprivileged role pgorm_app)");
        BlockingQueue<String> changes = new LinkedBlockingQueue<>();
        // start() returns once the listener is listening: the notes below are all received
        try (PgListener listener =
                PgListener.builder(DemoDatabase.url(), DemoDatabase.user(), DemoDatabase.password())
                        .listen("note_changes", n -> changes.add(n.payload()))
                        .build()
                        .start()) {
            storeNotes(owner);
            readAsEachTenant(owner);
            printChanges(changes);
        }
    }

    private static void storeNotes(SessionFactory owner) {
        owner.inTransaction(
                s -> {
                    s.persist(new Note(1L, "acme", "acme: renew the office lease"));
                    s.persist(new Note(2L, "acme", "acme: order printer toner"));
                    s.persist(new Note(3L, "globex", "globex: plan the summer party"));
                    s.createNativeQuery(
                                    """
                                    grant select, insert, update, delete on note to pgorm_app""",
                                    Object.class)
                            .executeUpdate();
                });
    }

    private static void readAsEachTenant(SessionFactory owner) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DemoDatabase.url());
        config.setUsername(DemoDatabase.appUser());
        config.setPassword(DemoDatabase.appPassword());
        config.setMaximumPoolSize(1);
        try (HikariDataSource appPool = new HikariDataSource(config);
                SessionFactory app =
                        new HibernatePersistenceConfiguration("pgorm-demo-app")
                                .managedClasses(Note.class)
                                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, appPool)
                                .property(AvailableSettings.HBM2DDL_AUTO, "none")
                                .createEntityManagerFactory()) {
            for (String tenant : List.of("acme", "globex")) {
                try (RlsContext.Scope scope = RlsContext.set("app.tenant", tenant)) {
                    List<String> notes =
                            app.fromTransaction(
                                    s ->
                                            s.createSelectionQuery(
                                                            "select n.text from Note n order by n.id",
                                                            String.class)
                                                    .getResultList());
                    System.out.printf("  as %-7s %s%n", tenant, notes);
                }
            }
            long none =
                    app.fromTransaction(
                            s ->
                                    s.createSelectionQuery("select count(*) from Note", Long.class)
                                            .getSingleResult());
            System.out.printf("  no tenant: %d notes visible%n", none);
            System.out.printf(
                    "  deployment check as pgorm_app: %s%n",
                    RlsDeploymentCheck.check(app).isEmpty()
                            ? "RLS applies"
                            : RlsDeploymentCheck.check(app));
            System.out.printf(
                    "  deployment check as the owner: %s%n", RlsDeploymentCheck.check(owner));
        }
    }

    private static void printChanges(BlockingQueue<String> changes) {
        DemoConsole.section(
                "Change events received by the demo's own listener (LISTEN/NOTIFY, sent on commit)");
        for (int i = 0; i < 3; i++) {
            try {
                String change = changes.poll(5, TimeUnit.SECONDS);
                System.out.printf("  %s%n", change == null ? "(none arrived)" : change);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
