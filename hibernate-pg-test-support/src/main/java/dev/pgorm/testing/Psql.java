package dev.pgorm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/** Runs a SQL script with the {@code psql} client against one database, as one user. */
final class Psql {

    private static final Pattern URL =
            Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

    private final String url;
    private final String user;
    private final String password;

    Psql(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Runs {@code script} with {@code -v ON_ERROR_STOP=1} and {@code searchPath} as the search
     * path; fails with psql's output when a statement fails, and as a missing capability when there
     * is no psql.
     */
    String run(Path script, String searchPath) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("cannot read host and database from " + url);
        }
        ProcessBuilder pb =
                new ProcessBuilder(
                                "psql",
                                "-X",
                                "-q",
                                "-v",
                                "ON_ERROR_STOP=1",
                                "-h",
                                m.group(1),
                                "-p",
                                m.group(2) == null ? "5432" : m.group(2),
                                "-U",
                                user,
                                "-d",
                                m.group(3),
                                "-f",
                                script.toString())
                        .redirectErrorStream(true);
        if (password != null) {
            pb.environment().put("PGPASSWORD", password);
        }
        pb.environment().put("PGOPTIONS", "-c search_path=" + searchPath.replace(" ", ""));
        try {
            Process process = pb.start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new AssertionFailedError(
                        "psql failed (exit " + exit + ") on " + script + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            Capabilities.unavailable("the psql client is not installed: " + e.getMessage());
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
