package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.internal.PlanGroups.Group;
import dev.pgorm.migrate.internal.StagedFiles.Staged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a plan as changesets of a Liquibase formatted-SQL changelog, one per group, appended to
 * the changelog when it exists. Not API: {@code PgMigrationPlan.writeLiquibase} delegates here; the
 * clock is a parameter for the tests.
 */
public final class LiquibaseWriter {

    /** The first line of every formatted-SQL changelog. */
    static final String FIRST_LINE = "--liquibase formatted sql";

    private static final Pattern FORMATTED =
            Pattern.compile("\\s*--\\s*liquibase\\s+formatted\\s+sql.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET =
            Pattern.compile(
                    "\\s*--\\s*changeset\\s+(?:\"[^\"]+\"|[^:]+):\\s*(?:\"([^\"]+)\"|(\\S+)).*",
                    Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private LiquibaseWriter() {}

    /**
     * Writes the statements as changesets into {@code file} (a new changelog, or appended to an
     * existing formatted-SQL one) and returns their ids; writes nothing and returns an empty list
     * for no statements.
     */
    public static List<String> write(
            List<PgMigrationStatement> statements, Path file, String author, Clock clock) {
        Objects.requireNonNull(file, "file");
        String who = author(author);
        if (statements.isEmpty()) {
            return List.of();
        }
        String existing = existing(file);
        List<Group> groups = PlanGroups.of(statements);
        List<String> ids = ids(existing, groups.size(), clock);
        StringBuilder sb = new StringBuilder();
        if (existing.isEmpty()) {
            sb.append(FIRST_LINE).append('\n');
        } else {
            sb.append(existing);
            if (!existing.endsWith("\n")) {
                sb.append('\n');
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            sb.append('\n')
                    .append("--changeset ")
                    .append(who)
                    .append(':')
                    .append(ids.get(i))
                    .append(
                            group.transactional()
                                    ? " splitStatements:false"
                                    : " runInTransaction:false")
                    .append('\n');
            String title =
                    "Written by PG-ORM from a verified plan, changeset "
                            + (i + 1)
                            + " of "
                            + groups.size()
                            + ".";
            String howItRuns =
                    group.transactional()
                            ? "Liquibase runs this changeset in one transaction, as one script."
                            : "Liquibase runs this changeset outside a transaction, statement by"
                                    + " statement; if one fails, those before it stay applied.";
            PlanGroups.header(group, title, howItRuns).forEach(l -> sb.append(l).append('\n'));
            for (PgMigrationStatement s : group.statements()) {
                sb.append(s.sql()).append(";\n");
            }
        }
        StagedFiles.write(List.of(new Staged(file, sb.toString())), true);
        return ids;
    }

    /** Returns the author as written after {@code --changeset}, or fails saying why not. */
    private static String author(String author) {
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException(
                    "a changeset needs an author, e.g. the user name of whoever reviews it");
        }
        String a = author.strip();
        if (a.contains(":") || a.contains("\"") || a.contains("\n") || a.contains("\r")) {
            throw new IllegalArgumentException(
                    "the changeset author '"
                            + author
                            + "' cannot contain ':', '\"' or a line break; Liquibase reads"
                            + " --changeset author:id");
        }
        return a;
    }

    /** Returns the changelog's text, empty when there is none, or fails if it is not one. */
    private static String existing(Path file) {
        if (Files.isDirectory(file)) {
            throw new PgMigrationException(file + " is a folder; name the changelog file");
        }
        if (!Files.exists(file)) {
            return "";
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PgMigrationException("cannot read the changelog " + file + ": " + e, e);
        }
        String first = text.strip().lines().findFirst().orElse("");
        if (text.isBlank() || !FORMATTED.matcher(first).matches()) {
            throw new PgMigrationException(
                    file
                            + " is not a Liquibase formatted-SQL changelog (its first line is not '"
                            + FIRST_LINE
                            + "'); write the changesets to a new .sql file and include it from"
                            + " your changelog");
        }
        return text;
    }

    /**
     * Returns ids {@code <yyyyMMddHHmmss>-<n>} (UTC), {@code n} counting on after any id with the
     * same time already in the changelog.
     */
    static List<String> ids(String changelog, int count, Clock clock) {
        String stamp = STAMP.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        Set<String> taken = new HashSet<>();
        int last = 0;
        for (String line : changelog.lines().toList()) {
            Matcher m = CHANGESET.matcher(line);
            if (m.matches()) {
                String id = m.group(1) != null ? m.group(1) : m.group(2);
                taken.add(id);
                if (id.startsWith(stamp + "-")) {
                    String n = id.substring(stamp.length() + 1);
                    if (n.matches("\\d{1,9}")) {
                        last = Math.max(last, Integer.parseInt(n));
                    }
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (int n = last + 1; ids.size() < count; n++) {
            String id = stamp + "-" + n;
            if (!taken.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
