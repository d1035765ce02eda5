package dev.pgorm.replicas.internal;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * Watches a primary connection for work that may write and, once such a transaction commits, makes
 * the primary's WAL position the thread's read-your-writes token. Transactions that only prepared
 * {@code select} statements cost nothing; anything else (another statement, a plain {@code
 * Statement}, a call, an unwrap to the driver for COPY) counts as a possible write.
 */
final class WriteTracker implements JdbcProxies.Interceptor {

    private static final System.Logger LOG = System.getLogger("dev.pgorm.replicas");

    private static final String POSITION =
            """
            select pg_current_wal_lsn()::text""";

    /** First words of statements that cannot write (a function they call aside). */
    private static final Set<String> READS = Set.of("select", "show", "values");

    private final Connection target;
    private boolean wrote;

    private WriteTracker(Connection target) {
        this.target = target;
    }

    /** Returns {@code connection} watched for writes. */
    static Connection watch(Connection connection) {
        return JdbcProxies.wrap(
                Connection.class,
                connection,
                "PgReplicasPrimaryConnection",
                new WriteTracker(connection));
    }

    @Override
    public Object intercept(JdbcProxies.Call call) throws Throwable {
        switch (call.name()) {
            case "prepareStatement":
                if (mayWrite((String) call.arg(0))) {
                    wrote = true;
                }
                return call.proceed();
            case "createStatement":
            case "prepareCall":
            case "unwrap":
                wrote = true;
                return call.proceed();
            case "commit":
                {
                    Object result = call.proceed();
                    recordIfWritten();
                    return result;
                }
            case "rollback":
                if (call.args().length == 0) {
                    wrote = false;
                }
                return call.proceed();
            case "setAutoCommit":
                {
                    // Switching autocommit on commits the open transaction.
                    Object result = call.proceed();
                    if (Boolean.TRUE.equals(call.arg(0))) {
                        recordIfWritten();
                    }
                    return result;
                }
            case "close":
                try {
                    if (wrote && !target.isClosed() && target.getAutoCommit()) {
                        recordIfWritten();
                    }
                } finally {
                    // The pooled connection goes back whatever reading the position did.
                    call.proceed();
                }
                return null;
            default:
                return call.proceed();
        }
    }

    private void recordIfWritten() throws SQLException {
        if (!wrote) {
            return;
        }
        wrote = false;
        // The commit succeeded: failing to read the position must not make it look failed.
        try {
            try (Statement s = target.createStatement();
                    ResultSet rs = s.executeQuery(POSITION)) {
                rs.next();
                Tokens.advance(Lsn.parse(rs.getString(1)));
            }
            if (!target.getAutoCommit()) {
                target.commit();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Committed, but the primary's WAL position could not be read; no"
                            + " read-your-writes token is kept for this write: "
                            + e);
        }
    }

    /** Returns false only for a statement whose first word (after comments) cannot write. */
    static boolean mayWrite(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return !READS.contains(sql.substring(start, i).toLowerCase(Locale.ROOT));
    }
}
