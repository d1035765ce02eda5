package dev.pgorm.rls.internal;

import static dev.pgorm.rls.internal.RlsConnections.applySeparately;
import static dev.pgorm.rls.internal.RlsConnections.bindSettings;
import static dev.pgorm.rls.internal.RlsConnections.combinedSql;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement that needs the settings: records what Hibernate does with it until it is executed,
 * then prepares it combined with the settings (or after them, when it cannot be combined) and
 * replays the calls. In auto-commit mode a statement that is not combined runs each execution in a
 * transaction of its own that applies the settings first, since settings sent as a statement of
 * their own would end with their own implicit transaction.
 *
 * <p>It is a {@link JdbcProxies#standIn stand-in}: until it prepares the real statement there is
 * nothing to pass calls on to, so it answers every call itself.
 */
final class DeferredStatement implements JdbcProxies.Interceptor {

    private static final Set<String> EXECUTIONS =
            Set.of(
                    "execute",
                    "executeQuery",
                    "executeUpdate",
                    "executeLargeUpdate",
                    "executeBatch",
                    "executeLargeBatch");

    private final RlsConnections.ConnectionState connection;
    private final Method prepare;
    private final Object[] prepareArgs;
    private final Map<String, String> settings;
    private final List<Object[]> recorded = new ArrayList<>();
    private PreparedStatement real;
    private int shift;
    private boolean closed;

    DeferredStatement(
            RlsConnections.ConnectionState connection,
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
        // variants asking for generated keys cannot carry a second statement, and neither can
        // calls, whose out parameters and escape syntax belong to the one statement.
        if (prepare.getName().equals("prepareCall")) {
            return false;
        }
        Class<?>[] types = prepare.getParameterTypes();
        return types.length == 1
                || (types.length >= 3 && types[1] == int.class && types[2] == int.class);
    }

    private void materialize(boolean combine) throws Throwable {
        Connection c = connection.delegate;
        Object[] args = prepareArgs.clone();
        if (combine) {
            args[0] = combinedSql(settings, (String) prepareArgs[0]);
            real = (PreparedStatement) JdbcProxies.invoke(c, prepare, args);
            bindSettings(real, settings);
            shift = settings.size() * 2;
            connection.applied(settings);
        } else {
            if (!connection.autoCommit) {
                applySeparately(c, settings);
                connection.applied(settings);
            }
            // In auto-commit mode each execution applies them (executeSeparate).
            real = (PreparedStatement) JdbcProxies.invoke(c, prepare, args);
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
            return JdbcProxies.invoke(real, method, shifted);
        }
        return JdbcProxies.invoke(real, method, args);
    }

    private static boolean isParameterSetter(Method method, Object[] args) {
        return method.getName().startsWith("set")
                && args.length >= 2
                && method.getParameterTypes()[0] == int.class;
    }

    /** Runs an execution of a statement that does not carry the settings in its SQL. */
    private Object executeSeparate(Method method, Object[] args) throws Throwable {
        if (!connection.autoCommit) {
            if (connection.pending()) {
                // prepared in an earlier transaction, or the settings were rolled back since
                applySeparately(connection.delegate, settings);
                connection.applied(settings);
            }
            return invokeOnReal(method, args);
        }
        return RlsConnections.inOwnTransaction(
                connection.delegate, real, settings, () -> invokeOnReal(method, args));
    }

    @Override
    public Object intercept(JdbcProxies.Call call) throws Throwable {
        Method method = call.method();
        Object[] args = call.args();
        String name = call.name();
        if (real == null) {
            switch (name) {
                case "close":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed;
                case "getConnection":
                    return connection.proxy;
                default:
                    if (EXECUTIONS.contains(name)) {
                        if (args.length > 0) {
                            throw new SQLException(
                                    "the SQL of a PreparedStatement cannot be replaced at execution");
                        }
                        materialize(combinable() && !name.endsWith("Batch"));
                    } else if (name.startsWith("set")
                            || name.equals("clearParameters")
                            || name.equals("clearWarnings")
                            || name.equals("closeOnCompletion")) {
                        recorded.add(new Object[] {method, args.clone()});
                        return null;
                    }
                    break;
            }
            if (real == null) {
                // Anything else (metadata, batches, out parameters, unwrap to the driver's
                // statement) needs the real statement now.
                materialize(false);
            }
        }
        if (name.equals("getConnection")) {
            return connection.proxy;
        }
        if (name.equals("unwrap") || name.equals("isWrapperFor")) {
            return unwrap(method, args);
        }
        if (shift == 0) {
            return EXECUTIONS.contains(name)
                    ? executeSeparate(method, args)
                    : invokeOnReal(method, args);
        }
        try {
            switch (name) {
                case "executeQuery":
                    real.execute();
                    if (!real.getMoreResults()) {
                        throw new SQLException("the statement did not return a result set");
                    }
                    return real.getResultSet();
                case "executeUpdate":
                    real.execute();
                    real.getMoreResults();
                    return real.getUpdateCount();
                case "executeLargeUpdate":
                    real.execute();
                    real.getMoreResults();
                    return real.getLargeUpdateCount();
                case "execute":
                    if (args.length == 0) {
                        real.execute();
                        return real.getMoreResults();
                    }
                    break;
                default:
                    break;
            }
        } catch (SQLException e) {
            // pgjdbc's autosave rolls back to a savepoint taken before this statement, which also
            // undoes the set_config in front of it: the next statement must apply them again.
            connection.lost();
            throw e;
        }
        return invokeOnReal(method, args);
    }

    /** Unwraps to something the wrapper is not (what it is, JdbcProxies answers). */
    private Object unwrap(Method method, Object[] args) throws Throwable {
        if (method.getName().equals("unwrap") && shift == 0 && connection.autoCommit) {
            throw RlsConnections.unwrapRefused((Class<?>) args[0]);
        }
        return JdbcProxies.invoke(real, method, args);
    }
}
