package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Replays Flyway-style versioned migrations, in version order, into a temporary database. */
final class MigrationReplay {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** A migration file and its version parts. */
    record Migration(Path file, List<Long> version) {}

    private MigrationReplay() {}

    /**
     * Returns the versioned migrations of {@code dir} in version order; none for a missing folder.
     */
    static List<Migration> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Migration> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    List<Long> version = new ArrayList<>();
                    for (String part : m.group(1).split("[._]")) {
                        version.add(Long.parseLong(part));
                    }
                    found.add(new Migration(file, version));
                } else if (name.endsWith(".sql")) {
                    throw new PgMigrationException(
                            "migration "
                                    + file
                                    + " is not named V<version>__<description>.sql (repeatable and"
                                    + " undo migrations are not supported yet)");
                }
            }
        } catch (IOException e) {
            throw new PgMigrationException(
                    "cannot list migrations in " + dir + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Migration::version, MigrationReplay::compare));
        return found;
    }

    /**
     * Returns whether the file's Flyway script configuration says it runs outside a transaction.
     */
    private static boolean outsideTransaction(Path file) throws IOException {
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            return false;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(conf, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return "false".equalsIgnoreCase(p.getProperty("executeInTransaction", "").strip());
    }

    private static int compare(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = Long.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Runs each file as one script, in order, with autocommit; a file whose {@code .sql.conf} holds
     * {@code executeInTransaction=false} statement by statement, as Flyway does.
     */
    static void replay(Path dir, TempDatabase db) {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (Migration m : list(dir)) {
                String sql = Files.readString(m.file(), StandardCharsets.UTF_8);
                try {
                    if (outsideTransaction(m.file())) {
                        for (String statement : SqlScript.statements(sql)) {
                            s.execute(statement);
                        }
                    } else {
                        s.execute(sql);
                    }
                } catch (SQLException e) {
                    throw new PgMigrationException(
                            "migration " + m.file() + " failed: " + e.getMessage(), e);
                }
            }
        } catch (IOException | SQLException e) {
            throw new PgMigrationException(
                    "cannot replay migrations from " + dir + ": " + e.getMessage(), e);
        }
    }
}
