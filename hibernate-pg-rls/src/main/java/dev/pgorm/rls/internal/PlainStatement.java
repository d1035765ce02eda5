package dev.pgorm.rls.internal;

import static dev.pgorm.rls.internal.RlsConnections.call;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plain {@link Statement} (such as Spring's {@code JdbcTemplate} uses for SQL without
 * parameters): its SQL arrives with each execution, so each execution decides. When the transaction
 * has no settings yet, they are applied first by a prepared statement of their own (the SQL is
 * never touched); in auto-commit mode the execution runs in a short transaction of its own with
 * them. {@code pgorm.rls.required} checks the SQL of every execution and every batch entry.
 */
final class PlainStatement implements InvocationHandler {

    /**
     * Commands that PostgreSQL refuses inside a transaction block. In auto-commit mode they run as
     * they are, without settings: none of them reads rows through a policy.
     */
    static final Pattern OUTSIDE_TRANSACTION_ONLY =
            Pattern.compile(
                    "(?is)^\\s*(?:vacuum\\b|(?:create|drop)\\s+(?:database|tablespace)\\b"
                            + "|alter\\s+system\\b"
                            + "|create\\s+(?:unique\\s+)?index\\s+concurrently\\b"
                            + "|drop\\s+index\\s+concurrently\\b"
                            + "|reindex\\b.*\\bconcurrently\\b"
                            + "|(?:alter|drop|create)\\s+subscription\\b)");

    private final RlsConnections.ConnectionState connection;
    private final Statement real;
    private final List<String> batch = new ArrayList<>();

    PlainStatement(RlsConnections.ConnectionState connection, Statement real) {
        this.connection = connection;
        this.real = real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getConnection":
                return connection.proxy;
            case "unwrap":
                return unwrap(proxy, method, args);
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(proxy) || (Boolean) call(real, method, args);
            case "addBatch":
                call(real, method, args);
                batch.add((String) args[0]);
                return null;
            case "clearBatch":
                call(real, method, args);
                batch.clear();
                return null;
            case "executeBatch":
            case "executeLargeBatch":
                try {
                    return execute(method, args, List.copyOf(batch));
                } finally {
                    // the driver empties its batch after executing it, failed or not
                    batch.clear();
                }
            case "execute":
            case "executeQuery":
            case "executeUpdate":
            case "executeLargeUpdate":
                return execute(method, args, List.of((String) args[0]));
            default:
                return call(real, method, args);
        }
    }

    private Object execute(Method method, Object[] args, List<String> sqls) throws Throwable {
        Map<String, String> settings = connection.settingsFor(sqls);
        if (settings.isEmpty()) {
            return call(real, method, args);
        }
        if (!connection.autoCommit) {
            connection.applyInTransaction(settings);
            return call(real, method, args);
        }
        if (sqls.size() == 1 && OUTSIDE_TRANSACTION_ONLY.matcher(sqls.get(0)).find()) {
            return call(real, method, args);
        }
        return RlsConnections.inOwnTransaction(
                connection.delegate, real, settings, () -> call(real, method, args));
    }

    private Object unwrap(Object proxy, Method method, Object[] args) throws Throwable {
        Class<?> type = (Class<?>) args[0];
        if (type.isInstance(proxy)) {
            return proxy;
        }
        // What the caller executes on the driver's statement cannot be seen, so the settings go
        // first now (in a transaction), or unwrap fails when nothing could carry them.
        Map<String, String> settings = connection.settingsFor(List.of());
        if (!settings.isEmpty()) {
            if (connection.autoCommit) {
                throw RlsConnections.unwrapRefused(type);
            }
            connection.applyInTransaction(settings);
        }
        return call(real, method, args);
    }
}
