package dev.pgorm.rls.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wraps JDBC connections so that the row-level security settings reach every transaction before its
 * first statement, without a round trip of their own.
 *
 * <p>The first prepared statement of a transaction (and, in auto-commit mode, every prepared
 * statement) is sent as {@code select set_config(?, ?, true), ...; <statement>}: pgjdbc sends both
 * in one round trip, in one transaction, and the wrapper skips the first result so Hibernate sees
 * only its own. Statements that cannot be combined (batches, generated keys) get the settings in a
 * separate statement first. {@code set_config(..., true)} ends with the transaction, so nothing
 * outlives it: not after commit, not after rollback, not on the next borrower of the connection.
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

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String combinedSql(Map<String, String> settings, String sql) {
        StringBuilder sb = new StringBuilder("select ");
        for (int i = 0; i < settings.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("set_config(?, ?, true)");
        }
        return sb.append("; ").append(sql).toString();
    }

    private static void bindSettings(PreparedStatement ps, Map<String, String> settings)
            throws SQLException {
        int i = 1;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            ps.setString(i++, e.getKey());
            ps.setString(i++, e.getValue());
        }
    }

    private static void applySeparately(Connection c, Map<String, String> settings)
            throws SQLException {
        String sql = combinedSql(settings, "").replace("; ", "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindSettings(ps, settings);
            ps.execute();
        }
    }

    /** Per-connection state: whether the current transaction has its settings yet. */
    private static final class ConnectionState implements InvocationHandler {
        private final Connection delegate;
        private final SettingsSource source;
        private boolean autoCommit;
        private boolean pending = true;
        private Connection proxy;

        ConnectionState(Connection delegate, SettingsSource source) throws SQLException {
            this.delegate = delegate;
            this.source = source;
            this.autoCommit = delegate.getAutoCommit();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            this.proxy = (Connection) proxy;
            switch (method.getName()) {
                case "setAutoCommit":
                    call(delegate, method, args);
                    autoCommit = (Boolean) args[0];
                    pending = true;
                    return null;
                case "commit":
                case "rollback":
                    Object result = call(delegate, method, args);
                    if (args == null || args.length == 0) {
                        pending = true;
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
                    return prepare(method, args);
                default:
                    return call(delegate, method, args);
            }
        }

        private Object prepare(Method method, Object[] args) throws Throwable {
            String sql = (String) args[0];
            if (!pending && !autoCommit) {
                return call(delegate, method, args);
            }
            Map<String, String> settings = source.current();
            source.checkRequired(sql, settings);
            if (settings.isEmpty()) {
                // Nothing to apply: a transaction without context sees no settings at all, since
                // the
                // previous transaction's set_config(..., true) ended with it.
                return call(delegate, method, args);
            }
            DeferredStatement deferred = new DeferredStatement(this, method, args, settings);
            return Proxy.newProxyInstance(
                    RlsConnections.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class},
                    deferred);
        }
    }

    /**
     * The first statement of a transaction: records what Hibernate does with it until it is
     * executed, then prepares it combined with the settings (or after them, when it cannot be
     * combined) and replays the calls.
     */
    private static final class DeferredStatement implements InvocationHandler {
        private final ConnectionState connection;
        private final Method prepare;
        private final Object[] prepareArgs;
        private final Map<String, String> settings;
        private final List<Object[]> recorded = new ArrayList<>();
        private PreparedStatement real;
        private int shift;
        private boolean closed;

        DeferredStatement(
                ConnectionState connection,
                Method prepare,
                Object[] prepareArgs,
                Map<String, String> settings) {
            this.connection = connection;
            this.prepare = prepare;
            this.prepareArgs = prepareArgs;
            this.settings = settings;
        }

        private boolean combinable() {
            // prepareStatement(sql) and prepareStatement(sql, type, concurrency[, holdability]);
            // variants asking for generated keys cannot carry a second statement.
            Class<?>[] types = prepare.getParameterTypes();
            return types.length == 1
                    || (types.length >= 3 && types[1] == int.class && types[2] == int.class);
        }

        private void materialize(boolean combine) throws Throwable {
            Connection c = connection.delegate;
            Object[] args = prepareArgs.clone();
            if (combine) {
                args[0] = combinedSql(settings, (String) prepareArgs[0]);
                real = (PreparedStatement) call(c, prepare, args);
                bindSettings(real, settings);
                shift = settings.size() * 2;
            } else {
                applySeparately(c, settings);
                real = (PreparedStatement) call(c, prepare, args);
            }
            if (!connection.autoCommit) {
                connection.pending = false;
            }
            for (Object[] call : recorded) {
                invokeOnReal((Method) call[0], (Object[]) call[1]);
            }
            recorded.clear();
        }

        private Object invokeOnReal(Method method, Object[] args) throws Throwable {
            if (shift > 0 && isParameterSetter(method, args)) {
                Object[] shifted = args.clone();
                shifted[0] = (Integer) args[0] + shift;
                return call(real, method, shifted);
            }
            return call(real, method, args);
        }

        private static boolean isParameterSetter(Method method, Object[] args) {
            return method.getName().startsWith("set")
                    && args != null
                    && args.length >= 2
                    && method.getParameterTypes()[0] == int.class;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (real == null) {
                switch (name) {
                    case "executeQuery":
                    case "executeUpdate":
                    case "executeLargeUpdate":
                    case "execute":
                        if (args != null && args.length > 0) {
                            throw new SQLException(
                                    "the SQL of a PreparedStatement cannot be replaced at execution");
                        }
                        materialize(combinable());
                        break;
                    case "close":
                        closed = true;
                        return null;
                    case "isClosed":
                        return closed;
                    case "getConnection":
                        return connection.proxy;
                    case "unwrap":
                        if (((Class<?>) args[0]).isInstance(proxy)) {
                            return proxy;
                        }
                        materialize(false);
                        return call(real, method, args);
                    default:
                        if (name.startsWith("set")
                                || name.equals("clearParameters")
                                || name.equals("clearWarnings")
                                || name.equals("closeOnCompletion")) {
                            recorded.add(new Object[] {method, args == null ? null : args.clone()});
                            return null;
                        }
                        // Anything else (metadata, batches) needs the real statement now.
                        materialize(false);
                        return invokeOnReal(method, args);
                }
            }
            if (shift > 0) {
                switch (name) {
                    case "executeQuery":
                        {
                            real.execute();
                            if (!real.getMoreResults()) {
                                throw new SQLException("the statement did not return a result set");
                            }
                            return real.getResultSet();
                        }
                    case "executeUpdate":
                        {
                            real.execute();
                            real.getMoreResults();
                            return real.getUpdateCount();
                        }
                    case "executeLargeUpdate":
                        {
                            real.execute();
                            real.getMoreResults();
                            return real.getLargeUpdateCount();
                        }
                    case "execute":
                        if (args == null || args.length == 0) {
                            real.execute();
                            return real.getMoreResults();
                        }
                        break;
                    case "getConnection":
                        return connection.proxy;
                    default:
                        break;
                }
            } else if (name.equals("getConnection")) {
                return connection.proxy;
            }
            return invokeOnReal(method, args);
        }
    }
}
