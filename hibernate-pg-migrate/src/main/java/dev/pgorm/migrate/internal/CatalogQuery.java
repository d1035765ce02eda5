package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The one small helper that runs a catalog query and maps each row to a record. */
final class CatalogQuery {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private CatalogQuery() {}

    /** Runs {@code sql} with the schema names as each of its text[] parameters. */
    static <T> List<T> list(Connection c, String sql, Collection<String> schemas, RowMapper<T> m) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int parameters = ps.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                ps.setArray(i, c.createArrayOf("text", schemas.toArray()));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(m.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PgMigrationException("catalog query failed: " + e.getMessage(), e);
        }
    }

    /** Returns a text[] column as a list. */
    static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    /** Runs one statement that returns nothing. */
    static void execute(Connection c, String sql) {
        try (var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new PgMigrationException("statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
