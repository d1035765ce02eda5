package dev.pgorm.notify.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.notify.PgNotification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The receiving thread of a {@code PgListener}: connect, LISTEN, wait, dispatch, reconnect. {@link
 * #start()} returns once the first LISTENs are done (or throws why they could not be), and {@link
 * #listen} returns once the LISTEN ran, so callers never poll.
 */
public final class ListenerLoop {

    private static final System.Logger LOG = System.getLogger("dev.pgorm.notify");

    private final ConnectionFactory connections;
    private final Map<String, Consumer<PgNotification>> handlers = new ConcurrentHashMap<>();
    private final Dispatcher dispatcher = new Dispatcher();
    private final ChannelCommands commands = new ChannelCommands();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Runnable onReconnect;
    private final Duration pollTimeout;
    private final Duration validationInterval;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final AtomicLong reconnects = new AtomicLong();
    private final ExecutorService reconnectNotifier =
            Executors.newSingleThreadExecutor(Dispatcher.daemon("pgorm-listener-reconnect"));
    private volatile boolean running;
    private volatile boolean connected;
    private volatile Connection connection;
    private Thread thread;

    public ListenerLoop(
            ConnectionFactory connections,
            Map<String, Consumer<PgNotification>> handlers,
            Runnable onReconnect,
            Duration pollTimeout,
            Duration validationInterval,
            Duration minBackoff,
            Duration maxBackoff) {
        this.connections = connections;
        this.handlers.putAll(handlers);
        this.onReconnect = onReconnect;
        this.pollTimeout = pollTimeout;
        this.validationInterval = validationInterval;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Starts the receiving thread and waits until it is connected and listening to every channel.
     *
     * @throws SQLException why the first connection or LISTEN failed; the loop is stopped then
     */
    public void start() throws SQLException {
        synchronized (this) {
            if (thread != null) {
                throw new IllegalStateException("the listener is already started");
            }
            running = true;
            thread = new Thread(this::run, "pgorm-listener");
            thread.setDaemon(true);
            thread.start();
        }
        try {
            ready.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new SQLException("interrupted while the listener was connecting", e);
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof SQLException) {
                throw (SQLException) e.getCause();
            }
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        }
    }

    public void listen(String channel, Consumer<PgNotification> handler) {
        handlers.put(channel, handler);
        await(commands.add("listen", channel));
    }

    public void unlisten(String channel) {
        handlers.remove(channel);
        await(commands.add("unlisten", channel));
    }

    /**
     * Waits until a queued command ran, or the connection it was meant for is gone (the next one
     * listens to what the map holds); never on the loop's own thread, which runs the commands.
     */
    private void await(CompletableFuture<Void> done) {
        Thread loopThread;
        synchronized (this) {
            loopThread = thread;
        }
        if (!running || loopThread == null || Thread.currentThread() == loopThread) {
            return;
        }
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the command's connection failed; the loop reconnects and LISTENs from the map
        }
    }

    public boolean isConnected() {
        return connected;
    }

    public long received() {
        return dispatcher.received();
    }

    public long dispatched() {
        return dispatcher.dispatched();
    }

    public long failed() {
        return dispatcher.failed();
    }

    public long reconnects() {
        return reconnects.get();
    }

    private void run() {
        try {
            loop();
        } finally {
            // whatever ended the thread, start() must not wait for ever (no-op once completed)
            ready.completeExceptionally(new SQLException("the listener's thread ended"));
        }
    }

    private void loop() {
        long backoff = minBackoff.toMillis();
        boolean first = true;
        while (running) {
            try (Connection c = connections.open()) {
                connection = c;
                c.setAutoCommit(true);
                // Take the queued commands first, then LISTEN to what the map holds: listen() and
                // unlisten() change the map before they queue, so a command taken here is
                // already in the map this loop reads, and one queued later is applied by
                // receive(). Clearing after the loop lost a listen() made during it.
                List<CompletableFuture<Void>> covered = commands.takeAll();
                try (Statement st = c.createStatement()) {
                    for (String channel : handlers.keySet()) {
                        st.execute("listen " + PgIdentifiers.quote(channel));
                    }
                }
                connected = true;
                ChannelCommands.complete(covered);
                ready.complete(null);
                if (!first) {
                    reconnects.incrementAndGet();
                    reconnectNotifier.execute(
                            () -> {
                                try {
                                    onReconnect.run();
                                } catch (RuntimeException e) {
                                    LOG.log(
                                            System.Logger.Level.WARNING,
                                            "PG-ORM listener: onReconnect failed",
                                            e);
                                }
                            });
                }
                first = false;
                backoff = minBackoff.toMillis();
                receive(c);
            } catch (SQLException | RuntimeException e) {
                if (first) {
                    // start() reports why; the caller decides whether to try again
                    running = false;
                    ready.completeExceptionally(e);
                } else if (running) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "PG-ORM listener lost its connection, reconnecting: " + e.getMessage());
                }
            } finally {
                connected = false;
                connection = null;
                // what was queued for this connection is in the map the next one listens to
                ChannelCommands.complete(commands.takeAll());
            }
            if (running) {
                sleep(ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1));
                backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
                first = false;
            }
        }
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastActivity = System.nanoTime();
        int timeout = (int) Math.max(1, pollTimeout.toMillis());
        while (running) {
            commands.apply(c);
            PGNotification[] notifications = pg.getNotifications(timeout);
            if (notifications != null && notifications.length > 0) {
                lastActivity = System.nanoTime();
                for (PGNotification n : notifications) {
                    dispatcher.dispatch(
                            new PgNotification(n.getName(), n.getParameter(), n.getPID()),
                            handlers.get(n.getName()));
                }
            } else if (System.nanoTime() - lastActivity > validationInterval.toNanos()) {
                // getNotifications never notices a silent network: ask the server.
                if (!c.isValid((int) Math.max(1, Math.min(5, validationInterval.toSeconds())))) {
                    throw new SQLException(
                            "the listener's connection did not answer a validity check");
                }
                lastActivity = System.nanoTime();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("unlisten *");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void close() {
        running = false;
        Connection c = connection;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(Math.min(900, pollTimeout.toMillis() + 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive() && c != null) {
                // The thread is blocked on the network: closing the connection ends the wait.
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        }
        ready.complete(null);
        ChannelCommands.complete(commands.takeAll());
        reconnectNotifier.shutdown();
        dispatcher.close();
    }
}
