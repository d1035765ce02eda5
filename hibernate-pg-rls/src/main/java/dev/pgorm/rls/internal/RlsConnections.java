package dev.pgorm.rls.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Wraps JDBC connections so that the row-level security settings reach every transaction before its
 * first statement, without a round trip of their own.
 *
 * <p>The first prepared statement of a transaction (and, in auto-commit mode, every prepared
 * statement) is sent as {@code select set_config(?, ?, true), ...; <statement>}: pgjdbc sends both
 * in one round trip, in one transaction, and the wrapper skips the first result so Hibernate sees
 * only its own. Statements that cannot be combined (batches, generated keys, calls, metadata asked
 * before execution) get the settings in a separate statement first, in the same transaction; in
 * auto-commit mode each of their executions runs in a short transaction of its own with the
 * settings. {@code set_config(..., true)} ends with the transaction, so nothing outlives it: not
 * after commit, not after rollback, not on the next borrower of the connection. A rollback to a
 * savepoint, which may undo the settings, applies them again.
 */
public final class RlsConnections {

    private RlsConnections() {}

    /** Wraps a connection fresh from the pool. */
    public static Connection wrap(Connection connection, SettingsSource source)
            throws SQLException {
        ConnectionState state = new ConnectionState(connection, source);
        return (Connection)
                Proxy.newProxyInstance(
                        RlsConnections.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        state::invoke);
    }

    /** Returns the connection behind a wrapper, or the connection itself. */
    public static Connection unwrapped(Connection connection) {
        if (Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof ConnectionState s) {
            return s.delegate;
        }
        return connection;
    }

    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static String combinedSql(Map<String, String> settings, String sql) {
        StringBuilder sb = new StringBuilder("select ");
        for (int i = 0; i < settings.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("set_config(?, ?, true)");
        }
        return sb.append("; ").append(sql).toString();
    }

    static void bindSettings(PreparedStatement ps, Map<String, String> settings)
            throws SQLException {
        int i = 1;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            ps.setString(i++, e.getKey());
            ps.setString(i++, e.getValue());
        }
    }

    static void applySeparately(Connection c, Map<String, String> settings) throws SQLException {
        String sql = combinedSql(settings, "").replace("; ", "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindSettings(ps, settings);
            ps.execute();
        }
    }

    /** Per-connection state: whether the current transaction has its settings yet, and which. */
    static final class ConnectionState implements InvocationHandler {
        final Connection delegate;
        private final SettingsSource source;
        boolean autoCommit;
        private boolean pending = true;
        private Map<String, String> applied;
        Connection proxy;

        ConnectionState(Connection delegate, SettingsSource source) throws SQLException {
            this.delegate = delegate;
            this.source = source;
            this.autoCommit = delegate.getAutoCommit();
        }

        /** Records that the current transaction carries {@code settings} now. */
        void applied(Map<String, String> settings) {
            if (!autoCommit) {
                pending = false;
                applied = settings;
            }
        }

        /** Records that the settings may have been undone and must be sent again. */
        void lost() {
            if (!autoCommit) {
                pending = true;
            }
        }

        /** Returns whether the current transaction still needs its settings. */
        boolean pending() {
            return pending;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            this.proxy = (Connection) proxy;
            switch (method.getName()) {
                case "setAutoCommit":
                    call(delegate, method, args);
                    autoCommit = (Boolean) args[0];
                    pending = true;
                    applied = null;
                    return null;
                case "commit":
                case "rollback":
                    Object result = call(delegate, method, args);
                    if (args == null || args.length == 0) {
                        pending = true;
                        applied = null;
                    } else if (!autoCommit && !pending && applied != null) {
                        // The settings may have been set after the savepoint and are gone now.
                        applySeparately(delegate, applied);
                    }
                    return result;
                case "unwrap":
                    return ((Class<?>) args[0]).isInstance(proxy)
                            ? proxy
                            : call(delegate, method, args);
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(proxy)
                            || (Boolean) call(delegate, method, args);
                case "prepareStatement":
                    return prepare(method, args, PreparedStatement.class);
                case "prepareCall":
                    return prepare(method, args, CallableStatement.class);
                default:
                    return call(delegate, method, args);
            }
        }

        private Object prepare(Method method, Object[] args, Class<?> type) throws Throwable {
            String sql = (String) args[0];
            if (!pending && !autoCommit) {
                return call(delegate, method, args);
            }
            Map<String, String> settings = applied != null ? applied : source.current();
            source.checkRequired(sql, settings);
            if (settings.isEmpty()) {
                // Nothing to apply: a transaction without context sees no settings at all, since
                // the previous transaction's set_config(..., true) ended with it.
                return call(delegate, method, args);
            }
            return Proxy.newProxyInstance(
                    RlsConnections.class.getClassLoader(),
                    new Class<?>[] {type},
                    new DeferredStatement(this, method, args, settings));
        }
    }
}
