package dev.pgorm.core;

import dev.pgorm.core.internal.PgBouncerProbe;
import dev.pgorm.core.internal.PgCatalog;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * PostgreSQL advisory locks: application-defined locks on a 64-bit key, or on a name that the
 * server hashes to one.
 *
 * <p>Transaction-scoped locks ({@code xactLock}, {@code tryXactLock}) are taken in the entity
 * manager's current transaction and released by PostgreSQL when it ends, whatever happens, so they
 * are the safe default. Session-scoped locks ({@link #withSessionLock}) span several transactions;
 * they are taken on a connection of their own and always released on that same connection, or the
 * connection is discarded, so a pooled connection never hands a lock to its next borrower. They
 * need a direct connection: a data source whose URL is PgBouncer ({@link PgOrmSettings#PGBOUNCER})
 * is refused.
 *
 * @since 0.1
 */
public final class PgAdvisoryLocks {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private PgAdvisoryLocks() {}

    /**
     * Waits for the transaction-scoped lock on {@code key}.
     *
     * @param em an entity manager with an active transaction
     * @param key the lock's key
     */
    public static void xactLock(EntityManager em, long key) {
        inTransaction(em, "xactLock", c -> execute(c, "select pg_advisory_xact_lock(?)", key));
    }

    /**
     * Waits for the transaction-scoped lock on {@code name}, hashed to 64 bits on the server
     * ({@code hashtextextended(name, 0)}).
     *
     * @param em an entity manager with an active transaction
     * @param name the lock's name
     */
    public static void xactLock(EntityManager em, String name) {
        Objects.requireNonNull(name, "name");
        inTransaction(
                em,
                "xactLock",
                c -> execute(c, "select pg_advisory_xact_lock(hashtextextended(?, 0))", name));
    }

    /**
     * Takes the transaction-scoped lock on {@code key} if it is free.
     *
     * @param em an entity manager with an active transaction
     * @param key the lock's key
     * @return whether the lock is now held
     */
    public static boolean tryXactLock(EntityManager em, long key) {
        return inTransaction(
                em, "tryXactLock", c -> bool(c, "select pg_try_advisory_xact_lock(?)", key));
    }

    /**
     * Takes the transaction-scoped lock on {@code name} if it is free.
     *
     * @param em an entity manager with an active transaction
     * @param name the lock's name, hashed to 64 bits on the server ({@code hashtextextended(name,
     *     0)}), not null
     * @return whether the lock is now held
     */
    public static boolean tryXactLock(EntityManager em, String name) {
        Objects.requireNonNull(name, "name");
        return inTransaction(
                em,
                "tryXactLock",
                c -> bool(c, "select pg_try_advisory_xact_lock(hashtextextended(?, 0))", name));
    }

    /**
     * Waits at most {@code timeout} for the transaction-scoped lock on {@code key}. Giving up does
     * not abort the transaction.
     *
     * @param em an entity manager with an active transaction
     * @param key the lock's key
     * @param timeout how long to wait, not negative (zero waits 1 ms, since a {@code lock_timeout}
     *     of 0 would wait forever)
     * @return whether the lock is now held
     */
    public static boolean tryXactLock(EntityManager em, long key, Duration timeout) {
        return inTransaction(
                em,
                "tryXactLock",
                c -> lockWithTimeout(c, "select pg_advisory_xact_lock(?)", key, timeout));
    }

    /**
     * Waits at most {@code timeout} for the transaction-scoped lock on {@code name}. Giving up does
     * not abort the transaction.
     *
     * @param em an entity manager with an active transaction
     * @param name the lock's name, hashed to 64 bits on the server ({@code hashtextextended(name,
     *     0)}), not null
     * @param timeout how long to wait, not negative (zero waits 1 ms, since a {@code lock_timeout}
     *     of 0 would wait forever)
     * @return whether the lock is now held
     */
    public static boolean tryXactLock(EntityManager em, String name, Duration timeout) {
        Objects.requireNonNull(name, "name");
        return inTransaction(
                em,
                "tryXactLock",
                c ->
                        lockWithTimeout(
                                c,
                                "select pg_advisory_xact_lock(hashtextextended(?, 0))",
                                name,
                                timeout));
    }

    /**
     * Runs {@code work} while holding the session-scoped lock on {@code key}, taken on a connection
     * borrowed from {@code dataSource} for the purpose and released on that same connection
     * afterwards. When the release cannot be confirmed, the connection is aborted instead of
     * returned to the pool.
     *
     * @param dataSource where to borrow the lock's connection
     * @param key the lock's key
     * @param work what to do while holding the lock; it uses its own connections or transactions
     * @param <T> the type of the work's result
     * @return what {@code work} returned
     * @throws Exception what {@code work} threw
     */
    public static <T> T withSessionLock(DataSource dataSource, long key, Callable<T> work)
            throws Exception {
        return sessionLock(dataSource, key, work, false).orElse(null);
    }

    /**
     * Runs {@code work} only if the session-scoped lock on {@code key} is free, like {@link
     * #withSessionLock}.
     *
     * @param dataSource where to borrow the lock's connection
     * @param key the lock's key
     * @param work what to do while holding the lock; it uses its own connections or transactions
     * @param <T> the type of the work's result
     * @return what {@code work} returned, or empty when the lock was taken by someone else
     * @throws Exception what {@code work} threw
     */
    public static <T> Optional<T> tryWithSessionLock(
            DataSource dataSource, long key, Callable<T> work) throws Exception {
        return sessionLock(dataSource, key, work, true);
    }

    private static <T> Optional<T> sessionLock(
            DataSource dataSource, long key, Callable<T> work, boolean tryOnly) throws Exception {
        Objects.requireNonNull(work, "work");
        Connection connection = dataSource.getConnection();
        String url = connection.getMetaData().getURL();
        if (PgBouncerProbe.declared(url)) {
            connection.close();
            throw new IllegalStateException(
                    "PgAdvisoryLocks.withSessionLock needs a direct connection to PostgreSQL, but "
                            + url
                            + " is PgBouncer ("
                            + PgOrmSettings.PGBOUNCER
                            + "): in transaction mode the session lock would stay on a server"
                            + " connection that PgBouncer hands to other clients. Use xactLock or"
                            + " tryXactLock inside a transaction, or a DataSource with the server's"
                            + " own URL");
        }
        boolean released = false;
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            if (tryOnly) {
                if (!bool(connection, "select pg_try_advisory_lock(?)", key)) {
                    released = true;
                    return Optional.empty();
                }
            } else {
                execute(connection, "select pg_advisory_lock(?)", key);
            }
            try {
                return Optional.ofNullable(work.call());
            } finally {
                released = bool(connection, "select pg_advisory_unlock(?)", key);
            }
        } finally {
            if (!released) {
                // Never return a connection that may still hold the lock to the pool.
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // the connection is unusable either way
                }
            }
            connection.close();
        }
    }

    private static boolean lockWithTimeout(Connection c, String sql, Object key, Duration timeout)
            throws SQLException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        PgCatalog catalog = PgCatalog.on(c);
        String previous = catalog.value("select current_setting('lock_timeout')", String.class);
        Savepoint savepoint = c.setSavepoint();
        try {
            catalog.execute(
                    "select set_config('lock_timeout', ?, true)",
                    Math.max(1, timeout.toMillis()) + "ms");
            catalog.execute(sql, key);
            c.releaseSavepoint(savepoint);
            catalog.execute("select set_config('lock_timeout', ?, true)", previous);
            return true;
        } catch (SQLException e) {
            if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(savepoint);
            return false;
        }
    }

    private static Void execute(Connection c, String sql, Object param) throws SQLException {
        PgCatalog.on(c).execute(sql, param);
        return null;
    }

    private static boolean bool(Connection c, String sql, Object param) throws SQLException {
        return PgCatalog.on(c).bool(sql, param);
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static <T> T inTransaction(EntityManager em, String operation, Work<T> work) {
        Session session = em.unwrap(Session.class);
        if (!session.isJoinedToTransaction()) {
            throw new IllegalStateException(
                    "PgAdvisoryLocks."
                            + operation
                            + " needs an active transaction: a transaction-scoped lock is released when it ends");
        }
        return session.doReturningWork(work::run);
    }
}
