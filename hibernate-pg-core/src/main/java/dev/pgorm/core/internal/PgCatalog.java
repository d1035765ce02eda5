package dev.pgorm.core.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way PG-ORM reads the catalog (and runs the statements around it) over plain JDBC, so that
 * no class wraps a statement its own way.
 *
 * <p>The rules, the same for every method: parameters are bound with {@code setObject} and never
 * concatenated; each row becomes a value, usually a record, through a {@link RowMapper}; statements
 * and result sets are always closed; an {@link SQLException} passes through unchanged (SQL state
 * included), for the caller's boundary to translate (Hibernate's {@code doWork}, the schema tool).
 * A query that returns more rows than the method promises is a programming error and fails with
 * {@link IllegalStateException}.
 */
public final class PgCatalog {

    /** Turns the current row of a result set into a value; it must not move the cursor. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /**
         * Returns the value for the current row.
         *
         * @param row the result set, positioned on the row
         * @return the row's value
         * @throws SQLException when a column cannot be read
         */
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;

    private PgCatalog(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Returns the helper for {@code connection}, which it uses as it is (transaction, role, search
     * path) and never closes.
     */
    public static PgCatalog on(Connection connection) {
        return new PgCatalog(connection);
    }

    /**
     * Returns every row of a query, in the order the query gives them.
     *
     * @param sql the query, with {@code ?} placeholders
     * @param mapper makes a value of each row
     * @param params the bind parameters
     */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    /**
     * Returns the only row of a query that returns at most one, or empty when it returns none; the
     * mapper must not return null.
     *
     * @throws IllegalStateException when the query returns more than one row
     */
    public <T> Optional<T> optional(String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = atMostOne(list(sql, mapper, params), sql);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Returns {@code rows} when it holds at most one row. */
    static <T> List<T> atMostOne(List<T> rows, String sql) {
        if (rows.size() > 1) {
            throw new IllegalStateException(
                    rows.size() + " rows, expected at most one, from: " + sql);
        }
        return rows;
    }

    /**
     * Returns the first column of the only row of a query, read as {@code type} ({@code
     * ResultSet.getObject(1, type)}), possibly null.
     *
     * @throws IllegalStateException when the query returns no row or more than one
     */
    public <T> T value(String sql, Class<T> type, Object... params) throws SQLException {
        List<T> rows = atMostOne(list(sql, row -> row.getObject(1, type), params), sql);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no row from: " + sql);
        }
        return rows.get(0);
    }

    /**
     * Returns whether the first column of the first row is true: false when the query returns no
     * row or SQL null, as for a check whose table has gone.
     */
    public boolean bool(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Executes a statement and discards whatever it returns. */
    public void execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.execute();
        }
    }

    /** Executes a data-changing statement and returns how many rows it changed. */
    public long update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeLargeUpdate();
        }
    }

    /** Returns {@code values} as a {@code text[]} bind parameter. */
    public Array textArray(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            try {
                ps.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
