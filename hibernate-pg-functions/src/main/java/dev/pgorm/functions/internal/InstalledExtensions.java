package dev.pgorm.functions.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.hibernate.QueryException;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The extensions installed in one boot's database, read once the session factory is built (by
 * {@link InstalledExtensionsIntegrator}, after schema export) or else when a function that needs
 * one is first rendered: the function registry is filled earlier, before schema export creates any
 * extension and without a connection. A found extension is kept; for a missing one, a rendering
 * starts a new look in the background at most every {@link #RECHECK} (a migration may create it
 * after boot), and renderings after that look use what it found.
 */
final class InstalledExtensions {

    /** How long a missing extension stays missing before the catalog is read again. */
    static final Duration RECHECK = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger("dev.pgorm.functions");

    /** Reads {@code pg_extension}; returns null when this factory's database cannot be told. */
    @FunctionalInterface
    interface Reader {
        Map<String, InstalledExtension> read(SessionFactoryImplementor factory) throws SQLException;
    }

    /**
     * One reading of the catalog.
     *
     * @param byName the installed extensions
     * @param known false when the catalog could not be read: then nothing is refused
     * @param readAt when, in {@link System#nanoTime()}'s terms
     * @param settled whether reading again cannot tell more (multi-tenancy: no one database)
     */
    private record Snapshot(
            Map<String, InstalledExtension> byName, boolean known, long readAt, boolean settled) {}

    private final Reader reader;
    private final LongSupplier nanoTime;
    private final Executor background;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot;

    /** Reads through the session factory's connections; a look again on a thread of its own. */
    InstalledExtensions() {
        this(InstalledExtension::read, System::nanoTime, InstalledExtensions::daemon);
    }

    /**
     * @param background runs a look again for a missing extension, so that rendering never waits
     *     for a connection while its caller may hold one
     */
    InstalledExtensions(Reader reader, LongSupplier nanoTime, Executor background) {
        this.reader = reader;
        this.nanoTime = nanoTime;
        this.background = background;
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "pgorm-extension-check");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Returns the quoted schema to write before {@code function}'s name, or null to write it
     * unqualified: when the extension's schema is on the search path, and when the catalog could
     * not be read (PostgreSQL then reports what is wrong).
     *
     * @param extension the extension the function needs, for example {@code pgcrypto}
     * @param function the HQL function, for the message
     * @param factory the session factory whose connections read the catalog
     * @throws QueryException when the extension is not installed, saying how to install it
     */
    String qualifier(String extension, String function, SessionFactoryImplementor factory) {
        Snapshot seen = snapshot;
        if (seen == null) {
            // not read at boot (see InstalledExtensionsIntegrator): read now, once
            seen = refresh(null, factory);
        }
        InstalledExtension found = seen.byName().get(extension);
        if (found == null && isStale(seen)) {
            lookAgain(seen, factory);
            seen = snapshot;
            found = seen.byName().get(extension);
        }
        if (found != null) {
            return found.onSearchPath() ? null : PgIdentifiers.quote(found.schema());
        }
        if (!seen.known()) {
            return null;
        }
        throw new QueryException(missing(extension, function), (String) null);
    }

    /**
     * Reads the catalog now unless it was read already: at the end of boot, when a connection is
     * free (see {@link InstalledExtensionsIntegrator}).
     */
    void prime(SessionFactoryImplementor factory) {
        Snapshot seen = snapshot;
        if (seen == null) {
            refresh(null, factory);
        }
    }

    /**
     * Starts one reading of the catalog in the background unless one is under way; this rendering
     * answers from what is known now, the next ones from what it finds.
     */
    private void lookAgain(Snapshot seen, SessionFactoryImplementor factory) {
        if (refreshing.compareAndSet(false, true)) {
            try {
                background.execute(
                        () -> {
                            try {
                                if (factory == null || !factory.isClosed()) {
                                    refresh(seen, factory);
                                }
                            } finally {
                                refreshing.set(false);
                            }
                        });
            } catch (RuntimeException | Error e) {
                // no thread to be had: this rendering answers from what is known, a later one
                // tries again
                refreshing.set(false);
                LOG.log(
                        System.Logger.Level.WARNING,
                        "PG-ORM could not start a look at pg_extension: " + e);
            }
        }
    }

    private boolean isStale(Snapshot seen) {
        return !seen.settled() && nanoTime.getAsLong() - seen.readAt() >= RECHECK.toNanos();
    }

    /** Reads the catalog unless another thread has done so since {@code seen}. */
    private synchronized Snapshot refresh(Snapshot seen, SessionFactoryImplementor factory) {
        if (snapshot != seen) {
            return snapshot;
        }
        Map<String, InstalledExtension> kept = seen == null ? Map.of() : seen.byName();
        Snapshot next;
        try {
            Map<String, InstalledExtension> read = reader.read(factory);
            next =
                    read == null
                            ? new Snapshot(kept, false, nanoTime.getAsLong(), true)
                            : new Snapshot(Map.copyOf(read), true, nanoTime.getAsLong(), false);
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "PG-ORM could not read pg_extension to check the extensions of HQL functions;"
                            + " they are rendered unchecked until the next try in "
                            + RECHECK.toSeconds()
                            + " s: "
                            + e);
            next = new Snapshot(kept, false, nanoTime.getAsLong(), false);
        }
        snapshot = next;
        return next;
    }

    /** The message for a function whose extension is not installed. */
    static String missing(String extension, String function) {
        return "PG-ORM: the HQL function "
                + function
                + "() needs PostgreSQL's "
                + extension
                + " extension, which is not installed in this database. Declare it with"
                + " @PgExtension(\""
                + extension
                + "\") on an entity or in package-info.java (schema export then creates it), or"
                + " run CREATE EXTENSION "
                + extension
                + "; PG-ORM looks again in the background at most every "
                + RECHECK.toSeconds()
                + " seconds, so no restart is needed";
    }
}
