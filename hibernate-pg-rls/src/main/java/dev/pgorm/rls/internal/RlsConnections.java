package dev.pgorm.rls.internal;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Wraps JDBC connections so that the row-level security settings reach every transaction before its
 * first statement, without a round trip of their own.
 *
 * <p>The first prepared statement of a transaction (and, in auto-commit mode, every prepared
 * statement) is sent as {@code select set_config(?, ?, true), ...; <statement>}: pgjdbc sends both
 * in one round trip, in one transaction, and the wrapper skips the first result so Hibernate sees
 * only its own. Statements that cannot be combined (batches, generated keys, calls, metadata asked
 * before execution, and plain {@link Statement}s, whose SQL arrives only at execution) get the
 * settings in a separate statement first, in the same transaction; in auto-commit mode each of
 * their executions runs in a short transaction of its own with the settings. {@code set_config(...,
 * true)} ends with the transaction, so nothing outlives it: not after commit, not after rollback,
 * not on the next borrower of the connection. A rollback to a savepoint, which may undo the
 * settings, applies them again.
 */
final class RlsConnections {

    private RlsConnections() {}

    /** Wraps a connection fresh from the pool. */
    public static Connection wrap(Connection connection, SettingsSource source)
            throws SQLException {
        ConnectionState state = new ConnectionState(connection, source);
        state.proxy = JdbcProxies.wrap(Connection.class, connection, "RlsConnection", state);
        return state.proxy;
    }

    /** Returns the connection behind a wrapper, or the connection itself. */
    public static Connection unwrapped(Connection connection) {
        return JdbcProxies.interceptorOf(connection) instanceof ConnectionState s
                ? s.delegate
                : connection;
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

    /** One execution of a statement, run by {@link #inOwnTransaction}. */
    @FunctionalInterface
    interface Execution {
        Object run() throws Throwable;
    }

    /**
     * Runs one execution of {@code statement}, on a connection in auto-commit mode, in a
     * transaction of its own that applies the settings first: settings sent as a statement of their
     * own would end with their own implicit transaction.
     */
    static Object inOwnTransaction(
            Connection c, Statement statement, Map<String, String> settings, Execution execution)
            throws Throwable {
        // A fetch size makes pgjdbc read through a cursor outside auto-commit mode, which the
        // commit below would close: read the whole result, as in auto-commit mode.
        int fetchSize = statement.getFetchSize();
        c.setAutoCommit(false);
        try {
            if (fetchSize != 0) {
                statement.setFetchSize(0);
            }
            applySeparately(c, settings);
            Object result = execution.run();
            c.commit();
            return result;
        } catch (Throwable e) {
            try {
                c.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        } finally {
            try {
                if (fetchSize != 0) {
                    statement.setFetchSize(fetchSize);
                }
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The failure of {@code unwrap} to the driver's statement where executions bypass us. */
    static SQLException unwrapRefused(Class<?> type) {
        return new SQLException(
                "PG-ORM cannot hand out the driver's statement ("
                        + type.getName()
                        + ") in auto-commit mode: its executions would run without the"
                        + " row-level security settings. Run the work inside a transaction.");
    }

    /** Per-connection state: whether the current transaction has its settings yet, and which. */
    static final class ConnectionState implements JdbcProxies.Interceptor {
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

        /**
         * Returns the settings that statements with the given SQL must apply before they run (empty
         * when the transaction has them already, or when there are none), after checking {@code
         * pgorm.rls.required} against each SQL text.
         */
        Map<String, String> settingsFor(List<String> sqls) {
            if (!pending && !autoCommit) {
                return Map.of();
            }
            Map<String, String> settings = applied != null ? applied : source.current();
            for (String sql : sqls) {
                source.checkRequired(sql, settings);
            }
            return settings;
        }

        /** Applies the settings with a statement of their own, in the current transaction. */
        void applyInTransaction(Map<String, String> settings) throws SQLException {
            applySeparately(delegate, settings);
            applied(settings);
        }

        @Override
        public Object intercept(JdbcProxies.Call call) throws Throwable {
            switch (call.name()) {
                case "setAutoCommit":
                    call.proceed();
                    autoCommit = (Boolean) call.arg(0);
                    pending = true;
                    applied = null;
                    return null;
                case "commit":
                case "rollback":
                    Object result = call.proceed();
                    if (call.args().length == 0) {
                        pending = true;
                        applied = null;
                    } else if (!autoCommit && !pending && applied != null) {
                        // The settings may have been set after the savepoint and are gone now.
                        applySeparately(delegate, applied);
                    }
                    return result;
                case "prepareStatement":
                    return prepare(call, PreparedStatement.class);
                case "prepareCall":
                    return prepare(call, CallableStatement.class);
                case "createStatement":
                    // Wrapped always: the SQL, and so the decision, comes with each execution.
                    Statement statement = (Statement) call.proceed();
                    return JdbcProxies.wrap(
                            Statement.class,
                            statement,
                            "RlsStatement",
                            new PlainStatement(this, statement));
                default:
                    return call.proceed();
            }
        }

        private <T extends Statement> Object prepare(JdbcProxies.Call call, Class<T> type)
                throws Throwable {
            Map<String, String> settings = settingsFor(List.of((String) call.arg(0)));
            if (settings.isEmpty()) {
                // Nothing to apply: the transaction has them, or it runs without context and sees
                // no settings at all, since the previous one's set_config(..., true) ended with it.
                return call.proceed();
            }
            // No statement exists yet: the deferred one prepares it when it must, and answers
            // every call itself.
            return JdbcProxies.standIn(
                    type,
                    "Rls" + type.getSimpleName(),
                    new DeferredStatement(this, call.method(), call.args(), settings));
        }
    }
}
