package dev.pgorm.bulk;

import dev.pgorm.core.internal.PgIdentifiers;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PgBulk#upsert} does when a row already exists: the conflict target (the entity's
 * identifier, a named unique constraint, or the columns of a unique index) and the action (update
 * the existing row, or leave it as it is).
 *
 * <pre>{@code
 * PgBulk.upsert(em, items, PgConflict.onId().doUpdate());
 * PgBulk.upsert(em, items, PgConflict.onColumns("code").doNothing());
 * PgBulk.upsert(em, items, PgConflict.onConstraint("item_code_key").doUpdate());
 * }</pre>
 *
 * Instances are immutable; {@link #doUpdate()} and {@link #doNothing()} return new ones.
 *
 * @since 0.1
 */
public final class PgConflict {

    private final String constraint;
    private final List<String> columns;
    private final boolean update;

    private PgConflict(String constraint, List<String> columns, boolean update) {
        this.constraint = constraint;
        this.columns = columns;
        this.update = update;
    }

    /**
     * Returns a conflict on the entity's identifier columns, updating the existing row.
     *
     * @return the conflict {@code ON CONFLICT (<id columns>) DO UPDATE}
     */
    public static PgConflict onId() {
        return new PgConflict(null, List.of(), true);
    }

    /**
     * Returns a conflict on a primary key, unique or exclusion constraint of the entity's table,
     * updating the existing row; on an exclusion constraint PostgreSQL takes {@link #doNothing()}
     * only, and the upsert refuses {@code doUpdate()} there before any SQL.
     *
     * @param name the constraint's name as the catalog stores it, for example {@code item_code_key}
     * @return the conflict {@code ON CONFLICT ON CONSTRAINT <name> DO UPDATE}
     * @throws IllegalArgumentException when the name is empty or not a valid identifier
     */
    public static PgConflict onConstraint(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("PgConflict.onConstraint needs a constraint name");
        }
        PgIdentifiers.requireValid(name, "constraint name");
        return new PgConflict(name, List.of(), true);
    }

    /**
     * Returns a conflict on the columns of a unique index (a natural key), updating the existing
     * row; each name is an attribute of the entity (all its columns) or a column of its table,
     * checked against the mapping when the upsert runs.
     *
     * @param names attribute or column names, at least one
     * @return the conflict {@code ON CONFLICT (<columns>) DO UPDATE}
     * @throws IllegalArgumentException when no name is given or one is empty
     */
    public static PgConflict onColumns(String... names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("PgConflict.onColumns needs at least one name");
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("PgConflict.onColumns: a name is empty");
            }
        }
        return new PgConflict(null, List.of(names), true);
    }

    /**
     * Returns this conflict target with the action {@code DO UPDATE}: every mapped, updatable
     * column except the conflict target's takes the entity's value, and the version is incremented.
     *
     * @return a conflict that updates existing rows
     */
    public PgConflict doUpdate() {
        return new PgConflict(constraint, columns, true);
    }

    /**
     * Returns this conflict target with the action {@code DO NOTHING}: existing rows are kept.
     *
     * @return a conflict that leaves existing rows as they are
     */
    public PgConflict doNothing() {
        return new PgConflict(constraint, columns, false);
    }

    /**
     * Returns the constraint's name, or null when the target is the identifier or columns.
     *
     * @return the name passed to {@link #onConstraint}, or null
     */
    public String constraint() {
        return constraint;
    }

    /**
     * Returns the attribute or column names of the target, empty for the identifier or a
     * constraint.
     *
     * @return the names passed to {@link #onColumns}, or an empty list
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * Returns whether existing rows are updated ({@code DO UPDATE}) rather than kept.
     *
     * @return true for {@link #doUpdate()}, false for {@link #doNothing()}
     */
    public boolean updates() {
        return update;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgConflict c
                && Objects.equals(constraint, c.constraint)
                && columns.equals(c.columns)
                && update == c.update;
    }

    @Override
    public int hashCode() {
        return Objects.hash(constraint, columns, update);
    }

    @Override
    public String toString() {
        String target =
                constraint != null
                        ? "on constraint " + constraint
                        : columns.isEmpty() ? "(id)" : "(" + String.join(", ", columns) + ")";
        return "on conflict " + target + (update ? " do update" : " do nothing");
    }
}
