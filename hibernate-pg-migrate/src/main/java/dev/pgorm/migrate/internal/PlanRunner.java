package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Applies planned statements to a temporary database, each on its own, as a deployment would. */
final class PlanRunner {

    private PlanRunner() {}

    static void apply(TempDatabase db, List<PgMigrationStatement> statements) {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (PgMigrationStatement statement : statements) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new PgMigrationException(
                            "the plan failed its verification: "
                                    + statement.sql()
                                    + " failed on a copy of the current schema: "
                                    + e.getMessage(),
                            e);
                }
            }
        } catch (SQLException e) {
            throw new PgMigrationException(
                    "cannot apply the plan to " + db.name() + ": " + e.getMessage(), e);
        }
    }
}
