package dev.pgorm.migrate;

import java.util.Set;

/**
 * One planned SQL statement: its text, whether it may run inside a transaction, and its hazards.
 *
 * <p>A run of consecutive transactional statements is a group that may share one transaction; each
 * group begins with its {@code SET lock_timeout} statement.
 *
 * @param sql the statement, without a trailing semicolon
 * @param transactional false when the statement must run outside a transaction block ({@code CREATE
 *     INDEX CONCURRENTLY}, {@code ALTER TYPE ... ADD VALUE})
 * @param hazards what the statement may do besides changing the schema
 * @param note what was counted against a live database for this statement (rows deleted, nulls,
 *     duplicates), or an empty string
 * @since 0.1
 */
public record PgMigrationStatement(
        String sql, boolean transactional, Set<PgMigrationHazard> hazards, String note) {

    /**
     * Creates a statement, copying the hazards.
     *
     * @param sql the statement
     * @param transactional whether it may run inside a transaction
     * @param hazards its hazards
     * @param note what was counted for it, or an empty string
     */
    public PgMigrationStatement {
        hazards = Set.copyOf(hazards);
        note = note == null ? "" : note;
    }

    /**
     * Returns the statement and its hazards on one line, as listed in error messages.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return sql
                + (transactional ? "" : "  [outside a transaction]")
                + (hazards.isEmpty() ? "" : "  hazards " + hazards)
                + (note.isEmpty() ? "" : "  (" + note + ")");
    }
}
