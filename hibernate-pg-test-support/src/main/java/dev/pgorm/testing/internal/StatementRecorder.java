package dev.pgorm.testing.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
                Method method = (Method) call[0];
                try {
                    method.invoke(target, (Object[]) call[1]);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof SQLException) {
                        throw (SQLException) e.getCause();
                    }
                    throw new IllegalStateException(e.getCause());
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
        return (DataSource)
                Proxy.newProxyInstance(
                        StatementRecorder.class.getClassLoader(),
                        new Class<?>[] {DataSource.class},
                        (proxy, method, args) -> {
                            Object result = invoke(target, method, args);
                            if (result instanceof Connection) {
                                return wrapConnection((Connection) result);
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
        InvocationHandler handler =
                (proxy, method, args) -> {
                    if (method.getName().equals("unwrap")
                            && ((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                    Object result = invoke(connection, method, args);
                    List<Recorded> sink = CURRENT.get();
                    if (sink != null
                            && result instanceof PreparedStatement
                            && method.getName().equals("prepareStatement")
                            && args != null
                            && args[0] instanceof String) {
                        return wrapStatement((PreparedStatement) result, (String) args[0], sink);
                    }
                    return result;
                };
        return (Connection)
                Proxy.newProxyInstance(
                        StatementRecorder.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        handler);
    }

    private static PreparedStatement wrapStatement(
            PreparedStatement statement, String sql, List<Recorded> sink) {
        List<Object[]> calls = new ArrayList<>();
        InvocationHandler handler =
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                    if (name.startsWith("set")
                            && args != null
                            && args.length >= 2
                            && method.getParameterTypes()[0] == int.class) {
                        calls.add(new Object[] {method, args.clone()});
                    } else if (name.equals("clearParameters")) {
                        calls.clear();
                    } else if ((name.equals("executeQuery")
                                    || name.equals("execute")
                                    || name.equals("executeUpdate")
                                    || name.equals("executeLargeUpdate")
                                    || name.equals("executeBatch"))
                            && (args == null || args.length == 0)) {
                        sink.add(new Recorded(sql, new ArrayList<>(calls)));
                    }
                    return invoke(statement, method, args);
                };
        return (PreparedStatement)
                Proxy.newProxyInstance(
                        StatementRecorder.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class},
                        handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
