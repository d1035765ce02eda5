package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.PgMigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts data-dependent facts against a live database (read only); without one every count is
 * unknown (-1).
 */
class LiveFacts {

    /** Facts when the current state is a migration folder: nothing is known about data. */
    static final LiveFacts NONE = new LiveFacts(null, Renames.none());

    private final Connection connection;
    private final Renames renames;

    /**
     * Counts on {@code connection}, where the tables and columns of {@code renames} still have
     * their former names.
     */
    LiveFacts(Connection connection, Renames renames) {
        this.connection = connection;
        this.renames = renames;
    }

    private String table(String table) {
        String old = renames.tables().get(table);
        return old == null
                ? table
                : SchemaModel.qualified(PgIdentifiers.normalizeQualified(table).get(0), old);
    }

    private String column(String table, String column) {
        return PgIdentifiers.render(
                renames.columns().getOrDefault(table, Map.of()).getOrDefault(column, column));
    }

    boolean known() {
        return connection != null;
    }

    /** Returns the number of rows of a table. */
    long rows(String table) {
        return count("SELECT count(*) FROM " + table(table));
    }

    /** Returns the number of rows where the column is not null. */
    long values(String table, String column) {
        return count("SELECT count(" + column(table, column) + ") FROM " + table(table));
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
        String cols = columns.stream().map(c -> column(table, c)).collect(Collectors.joining(", "));
        String notNull =
                columns.stream()
                        .map(c -> column(table, c) + " IS NOT NULL")
                        .collect(Collectors.joining(" AND "));
        return count(
                "SELECT count(*) FROM (SELECT 1 FROM "
                        + table(table)
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
