package dev.pgorm.rls.internal;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
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
final class PlainStatement implements JdbcProxies.Interceptor {

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
    public Object intercept(JdbcProxies.Call call) throws Throwable {
        switch (call.name()) {
            case "getConnection":
                return connection.proxy;
            case "unwrap":
                return unwrap(call);
            case "addBatch":
                call.proceed();
                batch.add((String) call.arg(0));
                return null;
            case "clearBatch":
                call.proceed();
                batch.clear();
                return null;
            case "executeBatch":
            case "executeLargeBatch":
                try {
                    return execute(call, List.copyOf(batch));
                } finally {
                    // the driver empties its batch after executing it, failed or not
                    batch.clear();
                }
            case "execute":
            case "executeQuery":
            case "executeUpdate":
            case "executeLargeUpdate":
                return execute(call, List.of((String) call.arg(0)));
            default:
                return call.proceed();
        }
    }

    private Object execute(JdbcProxies.Call call, List<String> sqls) throws Throwable {
        Map<String, String> settings = connection.settingsFor(sqls);
        if (settings.isEmpty()) {
            return call.proceed();
        }
        if (!connection.autoCommit) {
            connection.applyInTransaction(settings);
            return call.proceed();
        }
        if (sqls.size() == 1 && OUTSIDE_TRANSACTION_ONLY.matcher(sqls.get(0)).find()) {
            return call.proceed();
        }
        return RlsConnections.inOwnTransaction(
                connection.delegate, real, settings, () -> call.proceed());
    }

    /** Unwraps to something the wrapper is not (what it is, JdbcProxies answers). */
    private Object unwrap(JdbcProxies.Call call) throws Throwable {
        // What the caller executes on the driver's statement cannot be seen, so the settings go
        // first now (in a transaction), or unwrap fails when nothing could carry them.
        Map<String, String> settings = connection.settingsFor(List.of());
        if (!settings.isEmpty()) {
            if (connection.autoCommit) {
                throw RlsConnections.unwrapRefused((Class<?>) call.arg(0));
            }
            connection.applyInTransaction(settings);
        }
        return call.proceed();
    }
}
