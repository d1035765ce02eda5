package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects planned statements by phase, so that dependencies hold whatever order the differ finds
 * them in, and renders them with the timeouts that start every group.
 */
final class PlanBuilder {

    /** The phases, in the order their statements run. */
    enum Phase {
        SCHEMAS,
        EXTENSIONS,
        TYPES,
        TYPE_VALUES,
        SEQUENCES,
        RENAME_TABLES,
        RENAMES,
        DROP_VIEWS,
        ROW_SECURITY_OFF,
        DROP_TRIGGERS,
        DROP_POLICIES,
        DROP_REPLACED_FUNCTIONS,
        DROP_FOREIGN_KEYS,
        DROP_CONSTRAINTS,
        DROP_INDEXES,
        DROP_STATISTICS,
        NO_INHERIT,
        DROP_TABLES,
        CREATE_TABLES,
        TABLE_OPTIONS,
        ADD_COLUMNS,
        ALTER_COLUMNS,
        COLUMN_DEFAULTS,
        DROP_COLUMNS,
        TOAST_OPTIONS,
        PARTITIONS,
        INHERIT,
        FUNCTIONS,
        CREATE_INDEXES,
        STATISTICS,
        ADD_CONSTRAINTS,
        FOREIGN_KEYS,
        SET_NOT_NULL,
        CREATE_VIEWS,
        VIEW_INDEXES,
        POLICIES,
        ROW_SECURITY_ON,
        TRIGGERS,
        DROP_FUNCTIONS,
        COMMENTS,
        DROP_SEQUENCES,
        DROP_TYPES
    }

    /** A statement before rendering; {@code newGroup} makes it start a new transaction. */
    record Step(
            String sql,
            boolean transactional,
            Set<PgMigrationHazard> hazards,
            String note,
            boolean newGroup) {}

    private final Map<Phase, List<Step>> steps = new EnumMap<>(Phase.class);
    private final List<String> unsupported = new ArrayList<>();

    void add(Phase phase, String sql, PgMigrationHazard... hazards) {
        add(phase, new Step(sql, true, Set.of(hazards), "", false));
    }

    void add(Phase phase, Step step) {
        steps.computeIfAbsent(phase, p -> new ArrayList<>()).add(step);
    }

    /** Records a difference that the planner cannot plan yet. */
    void unsupported(String what) {
        unsupported.add(what);
    }

    List<String> unsupported() {
        return unsupported;
    }

    List<Step> steps() {
        List<Step> all = new ArrayList<>();
        for (Phase p : Phase.values()) {
            all.addAll(steps.getOrDefault(p, List.of()));
        }
        return all;
    }

    /**
     * Returns the statements; every group of transactional statements starts with {@code SET
     * lock_timeout} and {@code SET statement_timeout} (none for a group that starts by validating a
     * constraint), every run of statements outside a transaction with {@code SET lock_timeout} and
     * {@code SET statement_timeout = 0}.
     */
    List<PgMigrationStatement> render(Duration lockTimeout, Duration statementTimeout) {
        List<PgMigrationStatement> out = new ArrayList<>();
        Boolean previous = null;
        for (Step s : steps()) {
            boolean startsGroup =
                    previous == null
                            || previous != s.transactional()
                            || (s.transactional() && s.newGroup());
            if (startsGroup) {
                // a validation scans the table under a lock that blocks no reads or writes
                boolean unbounded =
                        !s.transactional()
                                || s.hazards().contains(PgMigrationHazard.VALIDATES_DATA);
                Duration statement = unbounded ? Duration.ZERO : statementTimeout;
                out.add(set("lock_timeout", lockTimeout, s.transactional()));
                out.add(set("statement_timeout", statement, s.transactional()));
            }
            out.add(new PgMigrationStatement(s.sql(), s.transactional(), s.hazards(), s.note()));
            previous = s.transactional();
        }
        return out;
    }

    private static PgMigrationStatement set(String setting, Duration value, boolean transactional) {
        return new PgMigrationStatement(
                "SET " + setting + " = '" + duration(value) + "'", transactional, Set.of(), "");
    }

    /** Renders a duration as PostgreSQL reads it: {@code 3s}, {@code 250ms}, {@code 0}. */
    static String duration(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
