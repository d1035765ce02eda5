package dev.pgorm.demo;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.PgMigrations;

/**
 * Demo section: plans a migration from the demo's entities to the database that the demo has just
 * created from them, so the plan should be empty; the same server is the scratch server for the
 * planner's temporary databases. Partitions, policies, triggers, the materialized view and PostGIS
 * are all compared; a refusal would be printed with its reasons.
 */
final class MigrationDemo {

    private MigrationDemo() {}

    static void run(Class<?>... entities) {
        DemoConsole.section("Migration plan: the entities against the demo database");
        PgMigrationPlan plan;
        try {
            plan =
                    PgMigrations.planner()
                            .entities(entities)
                            .scratch(
                                    DemoDatabase.url(),
                                    DemoDatabase.user(),
                                    DemoDatabase.password())
                            .fromDatabase(
                                    DemoDatabase.url(),
                                    DemoDatabase.user(),
                                    DemoDatabase.password())
                            .plan();
        } catch (PgMigrationException e) {
            System.out.println("  refused: " + e.getMessage().replace("\n", "\n  "));
            return;
        }
        if (plan.isEmpty()) {
            System.out.println("  schema matches the entities: no migration needed");
            return;
        }
        for (PgMigrationStatement s : plan.statements()) {
            System.out.println(
                    "  " + s.sql() + ";" + (s.hazards().isEmpty() ? "" : "  -- " + s.hazards()));
        }
    }
}
