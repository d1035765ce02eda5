package dev.pgorm.it.replicas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs PostgreSQL's server programs ({@code pg_ctl}, {@code initdb}, {@code pg_basebackup}) of the
 * machine's PostgreSQL 15 as the {@code postgres} OS user, for the tests that stop, start and
 * promote servers. PostgreSQL refuses to run as root, so when the tests run as root the programs go
 * through {@code runuser}.
 */
final class PgCtl {

    /** The replica of scripts/scale-out-db.sh. */
    static final Path REPLICA_DATA =
            Path.of(setting("PGORM_TEST_REPLICA_DATA", "/var/lib/postgresql/15/replica5433"));

    private static final Path BIN =
            Path.of(setting("PGORM_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"));

    private PgCtl() {}

    /** Runs {@code program} with {@code args}, failing with its output when it fails. */
    static String run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BIN.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    /** Stops the server in {@code data} (fast shutdown) and waits until it is down. */
    static void stop(Path data) {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** Starts the server in {@code data} and waits until it accepts connections. */
    static void start(Path data, Path log) {
        run("pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "start");
    }

    /** Returns whether a server runs in {@code data}. */
    static boolean running(Path data) {
        try {
            run("pg_ctl", "-D", data.toString(), "status");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static String setting(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
