package dev.pgorm.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.replicas.PgReplicasConnectionProvider;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Failover with pgjdbc's multi-host URL: a throwaway primary (5435) and synchronous standby (5436)
 * of its own, never the shared 5432/5433 pair. The primary crashes ({@code pg_ctl stop -m
 * immediate}), the standby is promoted, and the application writes again without losing a committed
 * row; the pair is removed afterwards.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverIT {

    private static final Path ROOT = Path.of("/var/tmp/pgorm-failover");
    private static final Path PRIMARY = ROOT.resolve("primary");
    private static final Path STANDBY = ROOT.resolve("standby");

    @Entity(name = "Entry")
    static class Entry {
        @Id Long id;
        String text;

        Entry() {}

        Entry(Long id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    private SessionFactory sf;

    /** Each test needs the replica: skipped by name where the run declared it absent. */
    @BeforeEach
    void needsReplica(PgTestDatabase db) {
        db.scaleOut().replicaUrl();
    }

    @BeforeAll
    void setUp(PgTestDatabase db) throws IOException {
        if (!db.scaleOut().hasReplica()) {
            return; // no fixture: each test then skips, by name, in needsReplica
        }
        tearDown();
        run("install", "-d", "-o", "postgres", "-g", "postgres", "-m", "700", ROOT.toString());
        PgCtl.run(
                "initdb", "-D", PRIMARY.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        Files.writeString(
                PRIMARY.resolve("postgresql.auto.conf"),
                """
                port = 5435
                listen_addresses = '127.0.0.1'
                unix_socket_directories = '/var/tmp/pgorm-failover'
                shared_buffers = 16MB
                synchronous_standby_names = '*'
                """);
        PgCtl.start(PRIMARY, ROOT.resolve("primary.log"));
        PgCtl.run(
                "pg_basebackup",
                "-h",
                "127.0.0.1",
                "-p",
                "5435",
                "-U",
                "postgres",
                "-D",
                STANDBY.toString(),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast");
        Files.writeString(
                STANDBY.resolve("postgresql.auto.conf"),
                Files.readString(STANDBY.resolve("postgresql.auto.conf"))
                        .replace("port = 5435", "port = 5436")
                        .replace("synchronous_standby_names = '*'", ""));
        PgCtl.start(STANDBY, ROOT.resolve("standby.log"));

        // tag::failover-url[]
        String url =
                "jdbc:postgresql://127.0.0.1:5435,127.0.0.1:5436/postgres"
                        + "?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=2";
        // end::failover-url[]
        sf =
                db.entityManagerFactory(
                        List.of(Entry.class),
                        Map.of(
                                AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                "",
                                AvailableSettings.CONNECTION_PROVIDER,
                                PgReplicasConnectionProvider.class.getName(),
                                AvailableSettings.JAKARTA_JDBC_URL,
                                url,
                                AvailableSettings.JAKARTA_JDBC_USER,
                                "postgres"));
    }

    @AfterAll
    void tearDown() throws IOException {
        for (Path data : List.of(PRIMARY, STANDBY)) {
            if (Files.exists(data.resolve("PG_VERSION")) && PgCtl.running(data)) {
                PgCtl.run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        }
        if (Files.exists(ROOT)) {
            try (Stream<Path> files = Files.walk(ROOT)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void afterPromotionTheApplicationWritesAgainWithNoCommittedRowLost() throws Exception {
        long committed = 0;
        for (long id = 1; id <= 50; id++) {
            long next = id;
            sf.inTransaction(s -> s.persist(new Entry(next, "before")));
            committed = id;
        }

        // The primary crashes; the standby, which confirmed every commit, is promoted.
        long crash = System.nanoTime();
        PgCtl.run("pg_ctl", "-D", PRIMARY.toString(), "-m", "immediate", "-w", "stop");
        PgCtl.run("pg_ctl", "-D", STANDBY.toString(), "-w", "promote");

        Duration writesAgain = null;
        Throwable last = null;
        long id = committed + 1;
        while (writesAgain == null && System.nanoTime() - crash < 60_000_000_000L) {
            try {
                long next = id;
                sf.inTransaction(s -> s.persist(new Entry(next, "after")));
                writesAgain = Duration.ofNanos(System.nanoTime() - crash);
            } catch (RuntimeException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        assertThat(writesAgain)
                .as("writes again after promotion; last error: %s", last)
                .isNotNull();
        System.out.println(
                "[failover] writes again " + writesAgain.toMillis() + " ms after the crash");
        assertThat(writesAgain).isLessThan(Duration.ofSeconds(30));

        long before =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select count(*) from Entry where text = 'before'",
                                                Long.class)
                                        .getSingleResult());
        assertThat(before).as("every row committed before the crash").isEqualTo(committed);
        String server =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery("select inet_server_port()::text", String.class)
                                        .getSingleResult());
        assertThat(server).isEqualTo("5436");
    }
}
