package dev.pgorm.it.migrate;

import dev.pgorm.testing.internal.ServerLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;

/**
 * {@code pg_dump --schema-only} of a database, without settings and ordering noise (lines sorted,
 * so that column order and statement order do not count).
 */
final class SchemaDump {

    private static final Pattern URL =
            Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

    private SchemaDump() {}

    static List<String> of(String url, String user, String password) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("cannot read host and database from " + url);
        }
        ProcessBuilder pb =
                new ProcessBuilder(
                                "pg_dump",
                                "--schema-only",
                                "--no-owner",
                                "--no-privileges",
                                "-h",
                                m.group(1),
                                "-p",
                                m.group(2) == null ? "5432" : m.group(2),
                                "-U",
                                user,
                                m.group(3))
                        .redirectErrorStream(true);
        if (password != null) {
            pb.environment().put("PGPASSWORD", password);
        }
        try {
            Process process = pb.start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                if (output.contains("server version mismatch")
                        && ServerLocator.declaredAbsent("pg_dump")) {
                    // The version matrix: no pg_dump as new as the server reaches this machine.
                    throw new TestAbortedException(
                            "Missing capability: pg_dump as new as the server, declared absent by"
                                    + " PGORM_TEST_ABSENT ("
                                    + output.strip().replace('\n', ' ')
                                    + ")");
                }
                throw new IllegalStateException("pg_dump failed:\n" + output);
            }
            return output.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("--") && !l.startsWith("SET "))
                    .filter(
                            l ->
                                    !l.startsWith("SELECT pg_catalog.set_config")
                                            && !l.startsWith("\\"))
                    .map(l -> l.replaceAll("[,;]$", ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            if (ServerLocator.required()) {
                throw new IllegalStateException("pg_dump is not installed: " + e.getMessage(), e);
            }
            throw new TestAbortedException("pg_dump is not installed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
