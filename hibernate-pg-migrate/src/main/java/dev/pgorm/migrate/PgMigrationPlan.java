package dev.pgorm.migrate;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A verified list of statements that turns the current schema into the one the entities create.
 *
 * @since 0.1
 */
public final class PgMigrationPlan {

    private final List<PgMigrationStatement> statements;

    private PgMigrationPlan(List<PgMigrationStatement> statements) {
        this.statements = List.copyOf(statements);
    }

    /**
     * Returns a plan of the given statements, in order.
     *
     * @param statements the statements
     * @return the plan
     */
    public static PgMigrationPlan of(List<PgMigrationStatement> statements) {
        return new PgMigrationPlan(statements);
    }

    /**
     * Returns whether the schema already matches the entities.
     *
     * @return true when there is nothing to change
     */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * Returns the statements in the order they must run.
     *
     * @return the statements, unmodifiable
     */
    public List<PgMigrationStatement> statements() {
        return statements;
    }

    /**
     * Returns every hazard of every statement.
     *
     * @return the hazards, unmodifiable
     */
    public Set<PgMigrationHazard> hazards() {
        EnumSet<PgMigrationHazard> all = EnumSet.noneOf(PgMigrationHazard.class);
        statements.forEach(s -> all.addAll(s.hazards()));
        return Set.copyOf(all);
    }

    /**
     * Returns the statements, one per line, each ending in a semicolon.
     *
     * @return the plan as SQL text
     */
    @Override
    public String toString() {
        return statements.stream().map(s -> s.sql() + ";").collect(Collectors.joining("\n"));
    }
}
