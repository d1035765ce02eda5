package dev.pgorm.replicas.internal;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A replica's connection that retries a query once elsewhere when the replica cancels it: a
 * recovery conflict (SQLSTATE 40001 or 57014, "conflict with recovery") or a lost connection (class
 * 08). The connection then moves, for the rest of the session, to one from the fallback (the
 * primary), with the same autocommit, read-only and isolation state; the failed statement is
 * prepared there again with the parameters it had, and executed. Only read-only sessions get such a
 * connection, so running a statement again cannot write twice.
 */
final class ConflictRetry {

    /** Supplies the connection to move to. */
    @FunctionalInterface
    interface Fallback {
        Connection get() throws SQLException;
    }

    private static final Set<String> EXECUTIONS = Set.of("executeQuery", "execute");

    private final Fallback fallback;
    private Connection current;
    private Connection abandoned;

    private ConflictRetry(Connection replica, Fallback fallback) {
        this.current = replica;
        this.fallback = fallback;
    }

    /** Returns {@code replica}'s connection with the retry. */
    static Connection wrap(Connection replica, Fallback fallback) {
        ConflictRetry retry = new ConflictRetry(replica, fallback);
        return JdbcProxies.wrap(
                Connection.class, replica, "PgReplicasReadOnlyConnection", retry::onConnection);
    }

    /** Returns whether {@code e} is worth one more try on another server. */
    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        String message = String.valueOf(e.getMessage());
        return state.startsWith("08")
                || ((state.equals("40001") || state.equals("57014"))
                        && message.contains("conflict with recovery"));
    }

    private Object onConnection(JdbcProxies.Call call) throws Throwable {
        switch (call.name()) {
            case "createStatement":
            case "prepareStatement":
            case "prepareCall":
                {
                    Statement statement =
                            (Statement) JdbcProxies.invoke(current, call.method(), call.args());
                    RetriedStatement retried = new RetriedStatement(call, statement);
                    return JdbcProxies.wrap(
                            cast(call.method().getReturnType()),
                            statement,
                            "PgReplicasStatement",
                            retried::onStatement);
                }
            case "close":
                if (abandoned != null) {
                    closeQuietly(abandoned);
                }
                return JdbcProxies.invoke(current, call.method(), call.args());
            default:
                return JdbcProxies.invoke(current, call.method(), call.args());
        }
    }

    /** Statement, PreparedStatement or CallableStatement: what the creating method returns. */
    @SuppressWarnings("unchecked")
    private static Class<Statement> cast(Class<?> type) {
        return (Class<Statement>) type;
    }

    /** Moves to the fallback, carrying the connection's state; false when it moved already. */
    private boolean move() throws SQLException {
        if (abandoned != null) {
            return false;
        }
        Connection failed = current;
        boolean autoCommit = failed.getAutoCommit();
        boolean readOnly = failed.isReadOnly();
        if (!autoCommit) {
            try {
                failed.rollback();
            } catch (SQLException e) {
                // The replica's connection is lost: nothing to roll back.
            }
        }
        Integer isolation;
        try {
            isolation = failed.getTransactionIsolation();
        } catch (SQLException e) {
            isolation = null; // lost with the connection: the fallback's default stays
        }
        Connection next = fallback.get();
        try {
            next.setAutoCommit(autoCommit);
            next.setReadOnly(readOnly);
            if (isolation != null) {
                next.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            closeQuietly(next);
            throw e;
        }
        abandoned = failed;
        current = next;
        return true;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Given up either way.
        }
    }

    /** One statement: remembers how it was made and its parameters, to run again elsewhere. */
    private final class RetriedStatement {
        private final JdbcProxies.Call creation;
        private final List<JdbcProxies.Call> settings = new ArrayList<>();
        private Statement target;

        RetriedStatement(JdbcProxies.Call creation, Statement target) {
            this.creation = creation;
            this.target = target;
        }

        Object onStatement(JdbcProxies.Call call) throws Throwable {
            String name = call.name();
            if (name.equals("getConnection")) {
                return creation.proxy();
            }
            if (name.startsWith("set") || name.equals("clearParameters")) {
                settings.add(call);
            }
            if (!EXECUTIONS.contains(name)) {
                return JdbcProxies.invoke(target, call.method(), call.args());
            }
            try {
                return JdbcProxies.invoke(target, call.method(), call.args());
            } catch (SQLException e) {
                if (!retryable(e) || !move()) {
                    throw e;
                }
                Statement failed = target;
                target =
                        (Statement) JdbcProxies.invoke(current, creation.method(), creation.args());
                for (JdbcProxies.Call setting : settings) {
                    JdbcProxies.invoke(target, setting.method(), setting.args());
                }
                try {
                    failed.close();
                } catch (SQLException ignored) {
                    // It belonged to the abandoned connection.
                }
                return JdbcProxies.invoke(target, call.method(), call.args());
            }
        }
    }
}
