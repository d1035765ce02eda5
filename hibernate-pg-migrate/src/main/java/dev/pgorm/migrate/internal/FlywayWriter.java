package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.internal.PlanGroups.Group;
import dev.pgorm.migrate.internal.StagedFiles.Staged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a plan as Flyway versioned migrations, one file per group, so that each transactional
 * group runs in a transaction of its own and each other group outside any (its {@code .sql.conf}
 * says so, whatever Flyway's own detection thinks). Not API: {@code PgMigrationPlan.writeFlyway}
 * delegates here; the clock is a parameter for the tests.
 */
public final class FlywayWriter {

    /** The longest description kept, before a {@code _2_of_3} suffix. */
    static final int MAX_DESCRIPTION = 80;

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)(?:[._]\\d+)*__.*\\.sql");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    /** The highest version already in a folder: its first part, as written, or null if none. */
    private record Highest(String digits) {}

    private FlywayWriter() {}

    /**
     * Writes the statements into {@code dir} (created when missing) and returns the files written,
     * each {@code .sql} followed by its {@code .sql.conf} if it has one; writes nothing and returns
     * an empty list for no statements.
     */
    public static List<Path> write(
            List<PgMigrationStatement> statements, Path dir, String description, Clock clock) {
        Objects.requireNonNull(dir, "dir");
        String name = sanitize(description);
        if (statements.isEmpty()) {
            return List.of();
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new PgMigrationException(
                    dir + " is a file, not a folder; name the migration folder to write into");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PgMigrationException("cannot create the folder " + dir + ": " + e, e);
        }
        List<Group> groups = PlanGroups.of(statements);
        List<String> versions = versions(highest(dir), groups.size(), clock);
        List<Staged> files = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            String suffix = groups.size() == 1 ? "" : "_" + (i + 1) + "_of_" + groups.size();
            String file = "V" + versions.get(i) + "__" + name + suffix + ".sql";
            Group group = groups.get(i);
            String title =
                    "Written by PG-ORM from a verified plan: "
                            + name.replace('_', ' ')
                            + (groups.size() == 1
                                    ? "."
                                    : ", file " + (i + 1) + " of " + groups.size() + ".");
            files.add(new Staged(dir.resolve(file), content(group, title, file)));
            String conf = conf(group);
            if (!conf.isEmpty()) {
                files.add(new Staged(dir.resolve(file + ".conf"), conf));
            }
        }
        StagedFiles.write(files, false);
        return files.stream().map(Staged::target).toList();
    }

    /**
     * Returns the description as a Flyway name: accents dropped, every run of other characters than
     * ASCII letters and digits turned into one {@code _}, at most {@value #MAX_DESCRIPTION}
     * characters.
     */
    static String sanitize(String description) {
        if (description == null) {
            throw new IllegalArgumentException("a migration needs a description, e.g. add_orders");
        }
        String s =
                Normalizer.normalize(description, Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .replaceAll("[^A-Za-z0-9]+", "_")
                        .replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            throw new IllegalArgumentException(
                    "the migration description '"
                            + description
                            + "' has no letters or digits; describe the change, e.g. add_orders");
        }
        return s.length() > MAX_DESCRIPTION
                ? s.substring(0, MAX_DESCRIPTION).replaceAll("_+$", "")
                : s;
    }

    /** Finds the highest version in the folder and its subfolders, as Flyway scans them. */
    private static Highest highest(Path dir) {
        String best = null;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Matcher m = VERSIONED.matcher(p.getFileName().toString());
                if (m.matches() && (best == null || compare(m.group(1), best) > 0)) {
                    best = m.group(1);
                }
            }
        } catch (IOException e) {
            throw new PgMigrationException("cannot list the migrations in " + dir + ": " + e, e);
        }
        return new Highest(best);
    }

    private static int compare(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    /**
     * Returns the next {@code count} versions: timestamps one second apart (UTC, never before the
     * highest) when the highest version is a {@code yyyyMMddHHmmss} timestamp, otherwise the
     * integers after it, zero-padded to its width if it is.
     */
    static List<String> versions(String highestDigits, int count, Clock clock) {
        return versions(new Highest(highestDigits), count, clock);
    }

    private static List<String> versions(Highest highest, int count, Clock clock) {
        List<String> out = new ArrayList<>();
        LocalDateTime stamp = timestamp(highest.digits());
        if (stamp != null) {
            LocalDateTime now =
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                            .truncatedTo(ChronoUnit.SECONDS);
            LocalDateTime next = stamp.plusSeconds(1);
            LocalDateTime base = now.isAfter(next) ? now : next;
            for (int i = 0; i < count; i++) {
                out.add(TIMESTAMP.format(base.plusSeconds(i)));
            }
            return out;
        }
        long last = highest.digits() == null ? 0 : Long.parseLong(highest.digits());
        int width =
                highest.digits() != null && highest.digits().startsWith("0")
                        ? highest.digits().length()
                        : 1;
        for (int i = 1; i <= count; i++) {
            out.add(String.format("%0" + width + "d", last + i));
        }
        return out;
    }

    /** Returns the version as a time if it is a valid {@code yyyyMMddHHmmss} timestamp. */
    private static LocalDateTime timestamp(String digits) {
        if (digits == null || digits.length() != 14) {
            return null;
        }
        try {
            return LocalDateTime.parse(digits, TIMESTAMP);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String content(Group group, String title, String file) {
        String howItRuns =
                group.transactional()
                        ? "Flyway runs this file in one transaction."
                        : "Flyway runs this file outside a transaction, statement by statement"
                                + " (executeInTransaction=false in "
                                + file
                                + ".conf); if one fails, those before it stay applied.";
        StringBuilder sb = new StringBuilder();
        PlanGroups.header(group, title, howItRuns).forEach(l -> sb.append(l).append('\n'));
        if (group.contains("CONCURRENTLY")) {
            sb.append(
                    "-- Run Flyway with flyway.postgresql.transactional.lock=false (Spring Boot:\n"
                            + "-- spring.flyway.postgresql.transactional-lock=false): CONCURRENTLY"
                            + " waits for every\n"
                            + "-- open transaction, Flyway's lock transaction too, until"
                            + " lock_timeout cancels it.\n"
                            + "-- A failed CREATE INDEX CONCURRENTLY leaves an INVALID index: drop it,"
                            + " then run again.\n");
        }
        for (PgMigrationStatement s : group.statements()) {
            sb.append('\n').append(s.sql()).append(";\n");
        }
        return sb.toString();
    }

    /** Returns the script configuration the file needs, or an empty string. */
    private static String conf(Group group) {
        StringBuilder sb = new StringBuilder();
        if (!group.transactional()) {
            sb.append("executeInTransaction=false\n");
        }
        if (group.contains("${")) {
            // the text is SQL as planned, not a Flyway template
            sb.append("placeholderReplacement=false\n");
        }
        return sb.toString();
    }
}
