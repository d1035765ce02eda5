package dev.pgorm.migrate;

/**
 * Entry point of migration planning.
 *
 * @since 0.1
 */
public final class PgMigrations {

    private PgMigrations() {}

    /**
     * Returns a new planner: name the entities, the scratch server and the current state, then call
     * {@link PgMigrationPlanner#plan()}.
     *
     * @return a new planner
     */
    public static PgMigrationPlanner planner() {
        return new PgMigrationPlanner();
    }
}
