package dev.pgorm.testing.internal;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Records the SQL and the bound parameters of the statements that a piece of work runs, so that the
 * test harness can {@code EXPLAIN} exactly what Hibernate sent, parameters included.
 *
 * <p>It wraps a {@link DataSource}: connections are proxies that only start recording while {@link
 * #record(Runnable)} runs on the same thread, and otherwise pass every call straight through.
 */
public final class StatementRecorder {

    /** One executed statement: its SQL and the parameter-setter calls, in order. */
    public static final class Recorded {
        private final String sql;
        private final List<Object[]> setterCalls;

        Recorded(String sql, List<Object[]> setterCalls) {
            this.sql = sql;
            this.setterCalls = setterCalls;
        }

        /** Returns the SQL text as sent to the driver. */
        public String sql() {
            return sql;
        }

        /** Binds the same parameters, with the same setter methods, on another statement. */
        public void bindTo(PreparedStatement target) throws SQLException {
            for (Object[] call : setterCalls) {
                try {
                    JdbcProxies.invoke(target, (Method) call[0], (Object[]) call[1]);
                } catch (SQLException e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static final ThreadLocal<List<Recorded>> CURRENT = new ThreadLocal<>();

    private StatementRecorder() {}

    /**
     * Returns a data source whose connections can record statements.
     *
     * @param target the real data source
     * @return the recording wrapper
     */
    public static DataSource wrap(DataSource target) {
        return JdbcProxies.wrap(
                DataSource.class,
                target,
                "RecordingDataSource",
                call -> {
                    Object result = call.proceed();
                    if (result instanceof Connection connection) {
                        return wrapConnection(connection);
                    }
                    return result;
                });
    }

    /**
     * Runs {@code work} and returns the statements it executed on this thread through wrapped data
     * sources.
     *
     * @param work the work, for example running a Hibernate query
     * @return the executed statements, in order
     */
    public static List<Recorded> record(Runnable work) {
        List<Recorded> outer = CURRENT.get();
        List<Recorded> recorded = new ArrayList<>();
        CURRENT.set(recorded);
        try {
            work.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
                outer.addAll(recorded);
            }
        }
        return recorded;
    }

    private static Connection wrapConnection(Connection connection) {
        return JdbcProxies.wrap(
                Connection.class,
                connection,
                "RecordingConnection",
                call -> {
                    Object result = call.proceed();
                    List<Recorded> sink = CURRENT.get();
                    if (sink != null
                            && result instanceof PreparedStatement statement
                            && call.name().equals("prepareStatement")
                            && call.arg(0) instanceof String sql) {
                        return wrapStatement(statement, sql, sink);
                    }
                    return result;
                });
    }

    private static PreparedStatement wrapStatement(
            PreparedStatement statement, String sql, List<Recorded> sink) {
        List<Object[]> calls = new ArrayList<>();
        return JdbcProxies.wrap(
                PreparedStatement.class,
                statement,
                "RecordingPreparedStatement",
                call -> {
                    String name = call.name();
                    Object[] args = call.args();
                    if (name.startsWith("set")
                            && args.length >= 2
                            && call.method().getParameterTypes()[0] == int.class) {
                        calls.add(new Object[] {call.method(), args.clone()});
                    } else if (name.equals("clearParameters")) {
                        calls.clear();
                    } else if ((name.equals("executeQuery")
                                    || name.equals("execute")
                                    || name.equals("executeUpdate")
                                    || name.equals("executeLargeUpdate")
                                    || name.equals("executeBatch"))
                            && args.length == 0) {
                        sink.add(new Recorded(sql, new ArrayList<>(calls)));
                    }
                    return call.proceed();
                });
    }
}
