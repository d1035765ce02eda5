package dev.pgorm.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs plain SQL in the test database as one particular role, each call in its own auto-commit
 * connection; SQL errors surface as {@link IllegalStateException} carrying the SQL.
 *
 * @since 0.1
 */
public final class PgSql {

    private final DataSource dataSource;
    private final String role;

    PgSql(DataSource dataSource, String role) {
        this.dataSource = dataSource;
        this.role = role;
    }

    /** Returns the role these statements run as. */
    public String role() {
        return role;
    }

    /** Returns the data source that connects as {@link #role()}. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Executes each statement in order, without parameters.
     *
     * @param statements SQL statements
     */
    public void execute(String... statements) {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw failure(sql, e);
                }
            }
        } catch (SQLException e) {
            throw failure("(connect)", e);
        }
    }

    /**
     * Executes one statement with bind parameters and returns the update count.
     *
     * @param sql the statement, with {@code ?} placeholders
     * @param params the parameter values, bound with {@code setObject}
     * @return the number of rows changed
     */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Runs a query with bind parameters.
     *
     * @param sql the query, with {@code ?} placeholders
     * @param params the parameter values, bound with {@code setObject}
     * @return the rows, each a map from column label to value in column order
     */
    public List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Returns the columns of a table and their types as PostgreSQL writes them ({@code
     * format_type}: {@code vector(3)}, {@code daterange[]}, {@code interval second(6)}).
     *
     * @param table the table, as {@code regclass} text (resolved on the search path)
     * @return column name to type, in column order
     */
    public Map<String, String> columnTypes(String table) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row :
                query(
                        "select attname::text as name, format_type(atttypid, atttypmod) as type"
                                + " from pg_attribute where attrelid = cast(? as regclass)"
                                + " and attnum > 0 and not attisdropped order by attnum",
                        table)) {
            types.put((String) row.get("name"), (String) row.get("type"));
        }
        return types;
    }

    /**
     * Runs a query that returns one row with one column.
     *
     * @param sql the query
     * @param type the Java type to read the value as
     * @param params the parameter values
     * @param <T> the value type
     * @return the value, possibly null
     * @throws IllegalStateException when the query returns no row or more than one
     */
    public <T> T queryValue(String sql, Class<T> type, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row from: " + sql);
                }
                T value = rs.getObject(1, type);
                if (rs.next()) {
                    throw new IllegalStateException("more than one row from: " + sql);
                }
                return value;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private IllegalStateException failure(String sql, SQLException e) {
        return new PgSqlException(
                "SQL failed as "
                        + role
                        + " ["
                        + e.getSQLState()
                        + "]: "
                        + e.getMessage()
                        + "\n  in: "
                        + sql,
                e);
    }

    /** A failed statement, with PostgreSQL's SQLSTATE at hand for assertions. */
    public static final class PgSqlException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PgSqlException(String message, SQLException cause) {
            super(message, cause);
        }

        /** Returns PostgreSQL's SQLSTATE, for example {@code 42501} for a privilege error. */
        public String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }
    }
}
