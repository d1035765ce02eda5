package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits a plan into the groups that a migration tool must run as units, and writes the comment
 * header both file writers put before each group; one place, so Flyway and Liquibase files keep the
 * same transaction boundaries.
 */
final class PlanGroups {

    /** How the renderer starts a group: {@code SET lock_timeout = '3s'}. */
    private static final Pattern SETTING =
            Pattern.compile("SET (lock_timeout|statement_timeout) = '([^']*)'");

    private static final int SQL_IN_HEADER = 100;

    /**
     * A run of statements that share one transaction, or (not {@code transactional}) that each run
     * on their own outside a transaction block.
     *
     * @param statements the statements, the group's {@code SET} statements included
     * @param transactional whether the group runs in one transaction
     */
    record Group(List<PgMigrationStatement> statements, boolean transactional) {

        /** Returns the value the group sets for a setting ({@code lock_timeout}), if it sets it. */
        Optional<String> setting(String name) {
            for (PgMigrationStatement s : statements) {
                Matcher m = SETTING.matcher(s.sql());
                if (m.matches() && m.group(1).equals(name)) {
                    return Optional.of(m.group(2));
                }
            }
            return Optional.empty();
        }

        /** Returns whether any statement contains the text. */
        boolean contains(String text) {
            return statements.stream().anyMatch(s -> s.sql().contains(text));
        }
    }

    private PlanGroups() {}

    /**
     * Returns the groups in order: a group starts at the first statement, where a statement may run
     * in a transaction and the one before may not (or the other way round), and at every {@code SET
     * lock_timeout}, which the renderer puts first in each group.
     */
    static List<Group> of(List<PgMigrationStatement> statements) {
        List<Group> groups = new ArrayList<>();
        List<PgMigrationStatement> current = new ArrayList<>();
        for (PgMigrationStatement s : statements) {
            boolean starts =
                    !current.isEmpty()
                            && (current.get(0).transactional() != s.transactional()
                                    || s.sql().startsWith("SET lock_timeout"));
            if (starts) {
                groups.add(new Group(List.copyOf(current), current.get(0).transactional()));
                current.clear();
            }
            current.add(s);
        }
        if (!current.isEmpty()) {
            groups.add(new Group(List.copyOf(current), current.get(0).transactional()));
        }
        return groups;
    }

    /**
     * Returns the comment lines (each starting with {@code --}) that describe a group: how it runs,
     * the timeouts it sets, and every statement's hazards and note.
     *
     * @param group the group
     * @param title the first line's text: what wrote the file, and which part of the plan it is
     * @param howItRuns one sentence on the transaction the tool runs the group in
     */
    static List<String> header(Group group, String title, String howItRuns) {
        List<String> lines = new ArrayList<>();
        lines.add("-- " + title);
        lines.add("-- " + howItRuns);
        lines.add("-- " + timeouts(group));
        lines.add("-- Statements and their hazards:");
        int n = 0;
        for (PgMigrationStatement s : group.statements()) {
            if (SETTING.matcher(s.sql()).matches()) {
                continue;
            }
            n++;
            lines.add("--   " + n + ". " + firstLine(s.sql()));
            lines.add("--      hazards: " + hazards(s));
            if (!s.note().isEmpty()) {
                lines.add("--      note: " + oneLine(s.note()));
            }
        }
        return lines;
    }

    private static String timeouts(Group group) {
        Optional<String> lock = group.setting("lock_timeout");
        Optional<String> statement = group.setting("statement_timeout");
        if (lock.isEmpty() && statement.isEmpty()) {
            return "Sets no lock_timeout or statement_timeout: the connection's own apply.";
        }
        return "Sets "
                + lock.map(v -> "lock_timeout = '" + v + "'").orElse("no lock_timeout")
                + " and "
                + statement
                        .map(v -> "statement_timeout = '" + v + "'")
                        .orElse("no statement_timeout")
                + " for the statements below.";
    }

    private static String hazards(PgMigrationStatement s) {
        return s.hazards().isEmpty()
                ? "none"
                : s.hazards().stream()
                        .sorted()
                        .map(PgMigrationHazard::name)
                        .collect(Collectors.joining(", "));
    }

    /** Returns the statement's first line, shortened, for a comment. */
    private static String firstLine(String sql) {
        String line = oneLine(sql.strip().lines().findFirst().orElse(""));
        boolean more = sql.strip().lines().count() > 1 || line.length() > SQL_IN_HEADER;
        return (line.length() > SQL_IN_HEADER ? line.substring(0, SQL_IN_HEADER) : line)
                + (more ? " ..." : "");
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
