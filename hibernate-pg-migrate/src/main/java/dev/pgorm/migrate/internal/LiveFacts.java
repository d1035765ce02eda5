package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.PgMigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Counts data-dependent facts against a live database (read only); without one every count is
 * unknown (-1).
 */
class LiveFacts {

    /** Facts when the current state is a migration folder: nothing is known about data. */
    static final LiveFacts NONE = new LiveFacts(null);

    private final Connection connection;

    LiveFacts(Connection connection) {
        this.connection = connection;
    }

    boolean known() {
        return connection != null;
    }

    /** Returns the number of rows of a table. */
    long rows(String table) {
        return count("SELECT count(*) FROM " + table);
    }

    /** Returns the number of rows where the column is not null. */
    long values(String table, String column) {
        return count("SELECT count(" + PgIdentifiers.render(column) + ") FROM " + table);
    }

    /** Returns the number of rows where the column is null. */
    long nulls(String table, String column) {
        return count(
                "SELECT count(*) FROM "
                        + table
                        + " WHERE "
                        + PgIdentifiers.render(column)
                        + " IS NULL");
    }

    /** Returns the number of key values held by more than one row (nulls left out). */
    long duplicates(String table, List<String> columns) {
        String cols = columns.stream().map(PgIdentifiers::render).collect(Collectors.joining(", "));
        String notNull =
                columns.stream()
                        .map(c -> PgIdentifiers.render(c) + " IS NOT NULL")
                        .collect(Collectors.joining(" AND "));
        return count(
                "SELECT count(*) FROM (SELECT 1 FROM "
                        + table
                        + " WHERE "
                        + notNull
                        + " GROUP BY "
                        + cols
                        + " HAVING count(*) > 1) d");
    }

    private long count(String sql) {
        if (connection == null) {
            return -1;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new PgMigrationException(
                    "cannot count on the live database: " + sql + ": " + e.getMessage(), e);
        }
    }
}
