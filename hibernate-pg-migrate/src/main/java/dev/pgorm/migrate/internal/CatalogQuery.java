package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.migrate.PgMigrationException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Catalog reads of the migration planner on core's {@link PgCatalog}: every parameter of its
 * queries is the text[] of schema names in scope, and a failure becomes a {@link
 * PgMigrationException}.
 */
final class CatalogQuery {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private CatalogQuery() {}

    /** Runs {@code sql} with the schema names as each of its text[] parameters. */
    static <T> List<T> list(Connection c, String sql, Collection<String> schemas, RowMapper<T> m) {
        try {
            PgCatalog catalog = PgCatalog.on(c);
            Object[] params = new Object[parameterCount(sql)];
            Arrays.fill(params, catalog.textArray(List.copyOf(schemas)));
            return catalog.list(sql, m::map, params);
        } catch (SQLException e) {
            throw new PgMigrationException("catalog query failed: " + e.getMessage(), e);
        }
    }

    /** Counts the {@code ?} placeholders; the planner's catalog SQL uses no {@code ?} operator. */
    static int parameterCount(String sql) {
        return (int) sql.chars().filter(ch -> ch == '?').count();
    }

    /** Returns a text[] column as a list. */
    static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    /**
     * Runs one planned or replayed statement as it is: a plain statement, so that a {@code ?} in a
     * function body is never taken for a parameter.
     */
    static void execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new PgMigrationException("statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
