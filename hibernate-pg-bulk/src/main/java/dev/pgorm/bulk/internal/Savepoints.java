package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.PgCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * Statements that apply together or not at all, inside a savepoint of their own, with pgjdbc's
 * {@code autosave} off meanwhile (with {@code cleanupSavepoints}, the release of its own savepoint
 * would release this one too). When one fails on a connection whose autosave was on, the work is
 * rolled back to the savepoint, as pgjdbc would have done, and the transaction goes on with nothing
 * of it applied; without autosave the transaction is aborted, as for any failed statement.
 */
final class Savepoints {

    /** Work on the connection that may fail. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(PgCatalog catalog) throws SQLException;
    }

    private Savepoints() {}

    /**
     * Runs {@code work} with autosave off; {@code work} creates the savepoint {@code name} first
     * and releases (or rolls back to) it on every path it returns or throws by itself.
     */
    static <T> T withAutosaveOff(Connection connection, String name, SqlWork<T> work)
            throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        AutoSave autosave = pg.getAutosave();
        pg.setAutosave(AutoSave.NEVER);
        PgCatalog catalog = PgCatalog.on(connection);
        try {
            return work.run(catalog);
        } catch (SQLException e) {
            if (autosave != AutoSave.NEVER) {
                // what pgjdbc's autosave would have done: the transaction goes on
                undo(catalog, name, e);
            }
            throw e;
        } finally {
            pg.setAutosave(autosave);
        }
    }

    /** Rolls back to the savepoint after a failed statement; a failure to do so is added to it. */
    static void undo(PgCatalog catalog, String name, SQLException failure) {
        try {
            rollBackTo(catalog, name);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Undoes what was done since the savepoint, and ends it. */
    static void rollBackTo(PgCatalog catalog, String name) throws SQLException {
        catalog.execute("rollback to savepoint " + name);
        catalog.execute("release savepoint " + name);
    }
}
