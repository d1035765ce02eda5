package dev.pgorm.notify;

// Longer than 300 lines: the public face of listening (the listener and its builder) with full
// Javadoc; the work is in internal.ListenerLoop, Dispatcher and ChannelCommands.

import dev.pgorm.notify.internal.ConnectionFactory;
import dev.pgorm.notify.internal.Limits;
import dev.pgorm.notify.internal.ListenerLoop;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Listens to PostgreSQL notifications on a connection of its own, and keeps listening across
 * disconnects. Built from a JDBC URL, or from a HikariCP or pgjdbc data source (whose URL and
 * credentials it reads), the connection is never a pool slot; a data source that does not tell its
 * URL lends it one of its connections for as long as the listener runs.
 *
 * <pre>{@code
 * try (PgListener listener = PgListener.builder(dataSource)
 *         .listen("orders", n -> refresh(n.payload()))
 *         .onReconnect(() -> resync())          // notifications sent while disconnected are lost
 *         .build()
 *         .start()) {                           // returns once it is listening
 *     ...
 * }
 * }</pre>
 *
 * <p>The connection is in auto-commit mode and never in a transaction; channels are quoted
 * identifiers. It waits for notifications with a finite timeout, checks a silent connection with a
 * validity query and TCP keepalive, and on failure reconnects with capped exponential backoff and
 * jitter, LISTENs to every channel again and then calls {@code onReconnect}. Handlers run on one
 * thread per channel, in order, off the receiving thread, so a slow handler never stalls receipt;
 * an exception in a handler is logged and counted, and the listener goes on.
 *
 * @since 0.1
 */
public final class PgListener implements AutoCloseable {

    private final ListenerLoop loop;
    private final String channels;

    private PgListener(ListenerLoop loop, String channels) {
        this.loop = loop;
        this.channels = channels;
    }

    /**
     * Returns a builder whose connection is made with the settings of {@code dataSource}: the URL
     * and credentials of a HikariCP or pgjdbc data source. Any other data source is asked for a
     * connection with {@code getConnection()}, which the listener keeps while it runs (a pool slot,
     * if it is a pool; a warning says so) and gives back after {@code UNLISTEN *}; prefer {@link
     * #builder(String, String, String)} then.
     *
     * @param dataSource the application's data source, usually its pool
     * @return a new builder with no channel
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(ConnectionFactory.from(dataSource));
    }

    /**
     * Returns a builder that connects to {@code jdbcUrl} with the given credentials.
     *
     * @param jdbcUrl a pgjdbc URL, such as {@code jdbc:postgresql://db:5432/app}; the listener adds
     *     TCP keepalive, a 5 s connect timeout and, unless the URL sets one, the application name
     *     {@code pgorm-listener}
     * @param user the user name, or null to take it from the URL
     * @param password the password, or null to take it from the URL
     * @return a new builder with no channel
     */
    public static Builder builder(String jdbcUrl, String user, String password) {
        return new Builder(ConnectionFactory.from(jdbcUrl, user, password));
    }

    /**
     * Connects, LISTENs to every channel and starts receiving on a thread of its own; returns once
     * it is listening, so a notification committed after this call returns is received.
     *
     * @return this listener
     * @throws IllegalStateException when the first connection or LISTEN fails (with the driver's
     *     exception as cause) or the listener was started before; a listener that failed to start
     *     is closed
     */
    public PgListener start() {
        try {
            loop.start();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PgListener could not connect and listen to "
                            + channels
                            + ": "
                            + e.getMessage(),
                    e);
        }
        return this;
    }

    /**
     * Starts listening on another channel; while connected, returns once the LISTEN ran (while
     * reconnecting, the new connection listens to it).
     *
     * @param channel a channel name: not empty, at most 63 bytes in UTF-8, no NUL character; it is
     *     quoted, so case is kept
     * @param handler called for each notification, in order
     * @throws IllegalArgumentException when the channel name is not valid
     */
    public void listen(String channel, Consumer<PgNotification> handler) {
        loop.listen(Limits.channel(channel), handler);
    }

    /**
     * Stops listening on a channel; while connected, returns once the UNLISTEN ran.
     *
     * @param channel the channel name as given to {@code listen}
     * @throws IllegalArgumentException when the channel name is not valid
     */
    public void unlisten(String channel) {
        loop.unlisten(Limits.channel(channel));
    }

    /**
     * Returns whether the listener is connected and listening right now.
     *
     * @return false before {@link #start()}, while reconnecting and after {@link #close()}
     */
    public boolean isConnected() {
        return loop.isConnected();
    }

    /**
     * Returns the counters: received, dispatched, failed handlers, reconnects.
     *
     * @return a snapshot of the counters since the listener was built
     */
    public Stats stats() {
        return new Stats(loop.received(), loop.dispatched(), loop.failed(), loop.reconnects());
    }

    /**
     * Stops within about a second: UNLISTEN *, closes its connection, stops the handler threads.
     */
    @Override
    public void close() {
        loop.close();
    }

    /**
     * Counters of a listener.
     *
     * @param received notifications received from the server
     * @param dispatched notifications whose handler returned normally
     * @param failed notifications whose handler (or payload decoding) failed
     * @param reconnects connections re-established after a failure
     */
    public record Stats(long received, long dispatched, long failed, long reconnects) {}

    /** Configures a {@link PgListener}. */
    public static final class Builder {
        private final ConnectionFactory connections;
        private final Map<String, Consumer<PgNotification>> handlers = new LinkedHashMap<>();
        private Runnable onReconnect = () -> {};
        private BiConsumer<PgNotification, Exception> onError = (n, e) -> {};
        private Duration pollTimeout = Duration.ofMillis(250);
        private Duration validationInterval = Duration.ofSeconds(5);
        private Duration minBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(10);

        private Builder(ConnectionFactory connections) {
            this.connections = connections;
        }

        /**
         * Listens on {@code channel}, calling {@code handler} for each notification, in order.
         *
         * @param channel a channel name: not empty, at most 63 bytes in UTF-8, no NUL character; it
         *     is quoted, so case is kept
         * @param handler called for each notification, on the channel's own thread; it replaces an
         *     earlier handler of the same channel
         * @return this builder
         * @throws IllegalArgumentException when the channel name is not valid
         */
        public Builder listen(String channel, Consumer<PgNotification> handler) {
            handlers.put(Limits.channel(channel), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * Listens on {@code channel} and decodes each JSON payload into {@code type}; a payload
         * that does not decode goes to {@link #onError} with the raw notification.
         *
         * @param channel a channel name: not empty, at most 63 bytes in UTF-8, no NUL character; it
         *     is quoted, so case is kept
         * @param type the class the JSON payload is decoded into with Jackson
         * @param handler called with each decoded payload, on the channel's own thread; it replaces
         *     an earlier handler of the same channel
         * @param <T> the payload type
         * @return this builder
         * @throws IllegalArgumentException when the channel name is not valid
         */
        public <T> Builder listen(String channel, Class<T> type, Consumer<T> handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
            return listen(
                    channel,
                    n -> {
                        T value;
                        try {
                            value = n.payloadAs(type);
                        } catch (IllegalArgumentException e) {
                            onError.accept(n, e);
                            throw e;
                        }
                        handler.accept(value);
                    });
        }

        /**
         * Called after each reconnect, once every channel is listened to again: catch up here.
         *
         * @param onReconnect what to run, for example reloading the state the notifications keep
         *     fresh, since notifications sent while disconnected are lost
         * @return this builder
         */
        public Builder onReconnect(Runnable onReconnect) {
            this.onReconnect = Objects.requireNonNull(onReconnect, "onReconnect");
            return this;
        }

        /**
         * Called with the raw notification when a typed handler's payload does not decode.
         *
         * @param onError receives the notification and the decoding exception; the failure is also
         *     logged and counted
         * @return this builder
         */
        public Builder onError(BiConsumer<PgNotification, Exception> onError) {
            this.onError = Objects.requireNonNull(onError, "onError");
            return this;
        }

        /**
         * Sets how long one wait for notifications lasts (250 ms by default).
         *
         * @param timeout a positive duration; shorter notices a closed listener sooner
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
         */
        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = positive(timeout, "pollTimeout");
            return this;
        }

        /**
         * Sets how often a silent connection is checked with a query (5 s by default).
         *
         * @param interval a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code interval} is null, zero or negative
         */
        public Builder validationInterval(Duration interval) {
            this.validationInterval = positive(interval, "validationInterval");
            return this;
        }

        /**
         * Sets the first and the largest pause between reconnection attempts (100 ms, 10 s).
         *
         * @param min the pause before the first attempt, doubled after each failed attempt; each
         *     pause is shortened at random by up to half
         * @param max the cap of the pause, at least {@code min}
         * @return this builder
         * @throws IllegalArgumentException when either is null, zero or negative, or {@code max} is
         *     below {@code min}
         */
        public Builder reconnectBackoff(Duration min, Duration max) {
            this.minBackoff = positive(min, "min");
            this.maxBackoff = positive(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is below min " + min);
            }
            return this;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, not " + d);
            }
            return d;
        }

        /**
         * Builds the listener; call {@link PgListener#start()} to start it.
         *
         * @return a listener that is not yet connected
         */
        public PgListener build() {
            return new PgListener(
                    new ListenerLoop(
                            connections,
                            handlers,
                            onReconnect,
                            pollTimeout,
                            validationInterval,
                            minBackoff,
                            maxBackoff),
                    "channels " + handlers.keySet());
        }
    }
}
