package dev.pgorm.replicas.internal;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A replica's connection that retries a query once elsewhere when the replica cancels it: a
 * recovery conflict (SQLSTATE 40001, or 57014 that the application did not cause), the replica
 * shutting down or restarting (57P01, 57P02, 57P03) or a lost connection (class 08). The connection
 * then moves, for the rest of the session, to one from the fallback (the primary), with the same
 * autocommit, read-only and isolation state; the failed statement is prepared there again with the
 * parameters it had, and executed. Only read-only sessions get such a connection, so running a
 * statement again cannot write twice.
 */
final class ConflictRetry {

    /** Supplies the connection to move to. */
    @FunctionalInterface
    interface Fallback {
        Connection get() throws SQLException;
    }

    private static final Set<String> EXECUTIONS = Set.of("executeQuery", "execute");

    /** Admin shutdown, crash shutdown, cannot connect now; serialization failure. */
    private static final Set<String> RETRIED = Set.of("57P01", "57P02", "57P03", "40001");

    private static final String QUERY_CANCELED = "57014";

    private static final String STATEMENT_TIMEOUT =
            """
            select current_setting('statement_timeout') <> '0'""";

    private final Fallback fallback;
    private Connection current;
    private Connection abandoned;
    private boolean autoCommit;
    private boolean readOnly;

    private ConflictRetry(Connection replica, Fallback fallback) throws SQLException {
        this.current = replica;
        this.fallback = fallback;
        this.autoCommit = replica.getAutoCommit();
        this.readOnly = replica.isReadOnly();
    }

    /** Returns {@code replica}'s connection with the retry. */
    static Connection wrap(Connection replica, Fallback fallback) throws SQLException {
        ConflictRetry retry = new ConflictRetry(replica, fallback);
        return JdbcProxies.wrap(
                Connection.class, replica, "PgReplicasReadOnlyConnection", retry::onConnection);
    }

    /**
     * Returns whether {@code e}, raised on a replica's connection, is worth one more try on another
     * server. The SQLSTATE alone decides, so that a server speaking another language ({@code
     * lc_messages}) is judged alike: a lost connection (class 08); the replica shutting down or
     * restarting (57P01, 57P02, 57P03); a serialization failure (40001), which a standby raises
     * only for a recovery conflict since it refuses serializable transactions; and a cancellation
     * (57014) unless {@code cancelledHere}, that is the application cancelled the statement or set
     * a timeout ({@code Statement.cancel}, {@code setQueryTimeout}, {@code statement_timeout}).
     */
    static boolean retryable(SQLException e, boolean cancelledHere) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08")
                || RETRIED.contains(state)
                || (state.equals(QUERY_CANCELED) && !cancelledHere);
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
            case "setAutoCommit":
                {
                    Object result = JdbcProxies.invoke(current, call.method(), call.args());
                    autoCommit = (Boolean) call.arg(0);
                    return result;
                }
            case "setReadOnly":
                {
                    Object result = JdbcProxies.invoke(current, call.method(), call.args());
                    readOnly = (Boolean) call.arg(0);
                    return result;
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
        // A connection the server ended may refuse even these: then what was last set holds.
        try {
            autoCommit = failed.getAutoCommit();
            readOnly = failed.isReadOnly();
        } catch (SQLException e) {
            // lost with the connection
        }
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

    /**
     * Returns whether a cancellation {@code e} may come from the session's {@code
     * statement_timeout}: true when it is set, or cannot be read.
     */
    private boolean timeoutSet(SQLException e) {
        if (!QUERY_CANCELED.equals(e.getSQLState())) {
            return false;
        }
        try (Statement s = current.createStatement();
                ResultSet rs = s.executeQuery(STATEMENT_TIMEOUT)) {
            return !rs.next() || rs.getBoolean(1);
        } catch (SQLException unreadable) {
            return true;
        }
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
        private boolean cancelledHere;

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
            if (name.equals("cancel")
                    || (name.equals("setQueryTimeout") && ((Integer) call.arg(0)) > 0)) {
                cancelledHere = true;
            }
            if (!EXECUTIONS.contains(name)) {
                return JdbcProxies.invoke(target, call.method(), call.args());
            }
            try {
                return JdbcProxies.invoke(target, call.method(), call.args());
            } catch (SQLException e) {
                if (!retryable(e, cancelledHere || timeoutSet(e)) || !move()) {
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
