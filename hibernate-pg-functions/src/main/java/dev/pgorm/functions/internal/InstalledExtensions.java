package dev.pgorm.functions.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.hibernate.QueryException;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The extensions installed in one boot's database, read once the session factory is built (by
 * {@link InstalledExtensionsIntegrator}, after schema export) or else when a function that needs
 * one is first rendered: the function registry is filled earlier, before schema export creates any
 * extension and without a connection. A found extension is kept; a missing one is looked for again
 * at most every {@link #RECHECK}, since schema export or a migration may create it after boot.
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
     */
    private record Snapshot(Map<String, InstalledExtension> byName, boolean known, long readAt) {}

    private final Reader reader;
    private final LongSupplier nanoTime;
    private volatile Snapshot snapshot;

    /** Reads through the session factory's connections. */
    InstalledExtensions() {
        this(InstalledExtension::read, System::nanoTime);
    }

    InstalledExtensions(Reader reader, LongSupplier nanoTime) {
        this.reader = reader;
        this.nanoTime = nanoTime;
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
        InstalledExtension found = seen == null ? null : seen.byName().get(extension);
        if (found == null && (seen == null || isStale(seen))) {
            seen = refresh(seen, factory);
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

    private boolean isStale(Snapshot seen) {
        return nanoTime.getAsLong() - seen.readAt() >= RECHECK.toNanos();
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
                            ? new Snapshot(kept, false, nanoTime.getAsLong())
                            : new Snapshot(Map.copyOf(read), true, nanoTime.getAsLong());
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "PG-ORM could not read pg_extension to check the extensions of HQL functions;"
                            + " they are rendered unchecked until the next try in "
                            + RECHECK.toSeconds()
                            + " s: "
                            + e);
            next = new Snapshot(kept, false, nanoTime.getAsLong());
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
                + "; PG-ORM looks again at most every "
                + RECHECK.toSeconds()
                + " seconds, so no restart is needed";
    }
}
