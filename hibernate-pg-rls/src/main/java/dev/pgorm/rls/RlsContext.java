package dev.pgorm.rls;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.rls.internal.SettingNames;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Row-level security settings bound to the current thread, applied by PG-ORM at the start of every
 * transaction (and to every statement outside one) with {@code set_config(name, value, true)}.
 *
 * <pre>{@code
 * try (var scope = RlsContext.set("app.tenant_id", "42")) {
 *     // every transaction on this thread sees app.tenant_id = 42
 * }   // the previous value (or none) is back
 * }</pre>
 *
 * Scopes nest and must be closed in reverse order, which try-with-resources does. Closing a scope
 * while one opened inside it is still open throws {@link IllegalStateException}, after closing both
 * and restoring the settings from before the outer scope, so that a pooled thread never carries one
 * request's settings into the next. Settings are read when a transaction starts: changing them
 * inside a transaction takes effect with the next one.
 *
 * @since 0.1
 */
public final class RlsContext {

    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private RlsContext() {}

    /** One open scope: its merged settings and the scope it was opened in. */
    private static final class Frame {
        final Map<String, String> settings;
        final Frame parent;
        boolean closed;

        Frame(Map<String, String> settings, Frame parent) {
            this.settings = settings;
            this.parent = parent;
        }
    }

    /** An open scope; closing it restores the settings that were in effect before it. */
    public interface Scope extends AutoCloseable {
        /**
         * Restores the previous settings; closing twice does nothing.
         *
         * @throws IllegalStateException on another thread than the one that opened the scope, or
         *     when a scope opened inside this one is still open: that scope is closed too, the
         *     settings from before this scope are back, and the exception names the mistake
         */
        @Override
        void close();
    }

    /**
     * Sets one setting for this thread until the returned scope is closed.
     *
     * @param name a custom setting name with a prefix, such as {@code app.tenant_id}
     * @param value the value; PostgreSQL stores settings as text
     * @return the scope to close, which restores the settings from before this call
     * @throws IllegalArgumentException when {@code name} is not a custom setting name with a prefix
     */
    public static Scope set(String name, String value) {
        return set(Map.of(name, value));
    }

    /**
     * Sets several settings for this thread until the returned scope is closed.
     *
     * @param settings setting names with a prefix, such as {@code app.tenant_id}, mapped to their
     *     values; they are merged over the settings already bound to this thread
     * @return the scope to close, which restores the settings from before this call
     * @throws IllegalArgumentException when a name is not a custom setting name with a prefix; no
     *     setting is changed then
     */
    public static Scope set(Map<String, String> settings) {
        Frame previous = CURRENT.get();
        Map<String, String> next =
                new LinkedHashMap<>(previous == null ? Map.of() : previous.settings);
        settings.forEach(
                (name, value) ->
                        next.put(
                                SettingNames.require(name),
                                Objects.requireNonNull(value, "value of " + name)));
        Frame frame = new Frame(Collections.unmodifiableMap(next), previous);
        CURRENT.set(frame);
        Thread owner = Thread.currentThread();
        return () -> close(frame, owner);
    }

    private static void close(Frame frame, Thread owner) {
        if (frame.closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(
                    "an RlsContext scope must be closed on the thread that opened it");
        }
        // Every scope opened inside this one and still open is above it on the stack.
        int stillOpen = 0;
        for (Frame f = CURRENT.get(); f != frame; f = f.parent) {
            if (f == null) {
                // Cannot happen while scopes are only closed through this method.
                throw new IllegalStateException(
                        "this RlsContext scope is no longer on the thread's stack of scopes");
            }
            f.closed = true;
            stillOpen++;
        }
        frame.closed = true;
        if (frame.parent == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(frame.parent);
        }
        if (stillOpen > 0) {
            throw new IllegalStateException(
                    "RlsContext scopes closed out of order: this scope was closed while "
                            + stillOpen
                            + " scope(s) opened inside it were still open. They are closed now and"
                            + " the settings from before this scope are back; close scopes in"
                            + " reverse order of opening (try-with-resources does)");
        }
    }

    /**
     * Runs {@code work} with the given settings and restores the previous ones afterwards.
     *
     * @param settings setting names with a prefix, such as {@code app.tenant_id}, mapped to their
     *     values; they are merged over the settings already bound to this thread
     * @param work what to run on this thread
     * @param <T> the type of the work's result
     * @return what {@code work} returned
     * @throws Exception what {@code work} threw
     * @throws IllegalArgumentException when a name is not a custom setting name with a prefix
     */
    public static <T> T callWith(Map<String, String> settings, Callable<T> work) throws Exception {
        Scope scope = set(settings);
        try {
            return work.call();
        } finally {
            scope.close();
        }
    }

    /**
     * Runs {@code work} with the given settings and restores the previous ones afterwards.
     *
     * @param settings setting names with a prefix, such as {@code app.tenant_id}, mapped to their
     *     values; they are merged over the settings already bound to this thread
     * @param work what to run on this thread
     * @throws IllegalArgumentException when a name is not a custom setting name with a prefix
     */
    public static void runWith(Map<String, String> settings, Runnable work) {
        Scope scope = set(settings);
        try {
            work.run();
        } finally {
            scope.close();
        }
    }

    /**
     * Returns the settings bound to this thread, without those of an {@link RlsContextProvider}.
     *
     * @return an unmodifiable map of setting names to values, empty when no scope is open
     */
    public static Map<String, String> current() {
        Frame current = CURRENT.get();
        return current == null ? Map.of() : current.settings;
    }

    /**
     * Runs one transaction as {@code role}, for privileged work such as a background job that must
     * see every tenant: {@code SET LOCAL ROLE} makes the role last exactly as long as the
     * transaction, whatever happens in it. The connecting role must be a member of {@code role},
     * which should have {@code BYPASSRLS} (or own the tables without FORCE).
     *
     * @param factory the entity manager factory
     * @param role the role to switch to, as its name is stored (it is quoted, so case is kept)
     * @param work what to do in the transaction
     * @param <T> the type of the work's result
     * @return what {@code work} returned
     */
    public static <T> T inPrivilegedTransaction(
            EntityManagerFactory factory, String role, Function<EntityManager, T> work) {
        String quoted = PgIdentifiers.quote(role);
        return factory.callInTransaction(
                em -> {
                    em.unwrap(Session.class)
                            .doWork(
                                    c -> {
                                        try (var st = c.createStatement()) {
                                            st.execute("set local role " + quoted);
                                        }
                                    });
                    return work.apply(em);
                });
    }
}
