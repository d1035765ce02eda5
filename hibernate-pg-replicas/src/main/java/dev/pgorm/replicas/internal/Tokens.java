package dev.pgorm.replicas.internal;

/**
 * The read-your-writes token of the current thread: the newest WAL position the thread's writes
 * reached on the primary, or null when it never wrote.
 */
public final class Tokens {

    private static final ThreadLocal<Lsn> CURRENT = new ThreadLocal<>();

    private Tokens() {}

    /** Returns the current thread's token, or null. */
    public static Lsn current() {
        return CURRENT.get();
    }

    /** Makes {@code lsn} the thread's token unless the thread already holds a newer one. */
    public static void advance(Lsn lsn) {
        Lsn held = CURRENT.get();
        if (held == null || !held.reached(lsn)) {
            CURRENT.set(lsn);
        }
    }

    /** Replaces the thread's token (null clears it) and returns the one it held. */
    public static Lsn replace(Lsn lsn) {
        Lsn held = CURRENT.get();
        if (lsn == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(lsn);
        }
        return held;
    }
}
