package dev.pgorm.replicas;

import dev.pgorm.replicas.internal.Lsn;
import dev.pgorm.replicas.internal.Tokens;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Read-your-writes across replicas: after a transaction that wrote commits on the primary, the
 * primary's WAL position is kept as the current thread's token, and a read-only session that
 * carries a token reads from a replica only once that replica has replayed it. Tokens are strings
 * ({@code 16/B374D848}) that can travel in a cookie or a message header to another request or
 * process.
 *
 * <pre>{@code
 * String token = PgReplicas.token();               // after the write, for the next request
 * Order o = PgReplicas.withToken(token, () -> readOnly.find(Order.class, id));
 * }</pre>
 *
 * @since 0.1
 */
public final class PgReplicas {

    private PgReplicas() {}

    /**
     * Returns the current thread's token: the primary's WAL position after this thread's last
     * committed write ({@code pg_current_wal_lsn()}), or null when the thread has not written.
     *
     * @return the token, or null
     */
    public static String token() {
        Lsn lsn = Tokens.current();
        return lsn == null ? null : lsn.toString();
    }

    /**
     * Runs {@code work} with the newer of {@code token} and the thread's own token as the current
     * thread's token, then restores the token the thread held before, advanced to the newest token
     * a write inside {@code work} produced; a null token runs the work with the thread's own token.
     *
     * @param <T> what the work returns
     * @param token a token from {@link #token()}, or null
     * @param work what reads (and perhaps writes)
     * @return what the work returned
     * @throws IllegalArgumentException when {@code token} is not a WAL position
     */
    public static <T> T withToken(String token, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Lsn lsn = token == null ? null : Lsn.parse(token.trim());
        Lsn before = Tokens.current();
        if (lsn != null) {
            Tokens.advance(lsn);
        }
        Lsn inside = Tokens.current();
        try {
            return work.get();
        } finally {
            Lsn after = Tokens.current();
            Tokens.replace(before);
            // A write inside the work advanced the token past what the work started with.
            if (after != null && (inside == null || !inside.reached(after))) {
                Tokens.advance(after);
            }
        }
    }

    /**
     * Runs {@code work} as {@link #withToken(String, Supplier)} does.
     *
     * @param token a token from {@link #token()}, or null
     * @param work what reads (and perhaps writes)
     * @throws IllegalArgumentException when {@code token} is not a WAL position
     */
    public static void withToken(String token, Runnable work) {
        Objects.requireNonNull(work, "work");
        withToken(
                token,
                () -> {
                    work.run();
                    return null;
                });
    }
}
