package dev.pgorm.notify.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.notify.PgListener;
import dev.pgorm.notify.PgNotification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The receiving thread of a {@link PgListener}: connect, LISTEN, wait, dispatch, reconnect. */
public final class ListenerLoop {

    private static final System.Logger LOG = System.getLogger("dev.pgorm.notify");

    private final ConnectionFactory connections;
    private final Map<String, Consumer<PgNotification>> handlers = new ConcurrentHashMap<>();
    private final Map<String, ExecutorService> dispatchers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String[]> commands = new ConcurrentLinkedQueue<>();
    private final Runnable onReconnect;
    private final Duration pollTimeout;
    private final Duration validationInterval;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dispatched = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final ExecutorService reconnectNotifier =
            Executors.newSingleThreadExecutor(daemon("pgorm-listener-reconnect"));
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the listener is already started");
        }
        running = true;
        thread = new Thread(this::run, "pgorm-listener");
        thread.setDaemon(true);
        thread.start();
    }

    public void listen(String channel, Consumer<PgNotification> handler) {
        handlers.put(channel, handler);
        commands.add(new String[] {"listen", channel});
    }

    public void unlisten(String channel) {
        handlers.remove(channel);
        commands.add(new String[] {"unlisten", channel});
    }

    public boolean isConnected() {
        return connected;
    }

    public PgListener.Stats stats() {
        return new PgListener.Stats(
                received.get(), dispatched.get(), failed.get(), reconnects.get());
    }

    private void run() {
        long backoff = minBackoff.toMillis();
        boolean first = true;
        while (running) {
            try (Connection c = connections.open()) {
                connection = c;
                c.setAutoCommit(true);
                // Drop the queued commands first, then LISTEN to what the map holds: listen() and
                // unlisten() change the map before they queue, so a command dropped here is
                // already in the map this loop reads, and one queued later is applied by
                // receive(). Clearing after the loop lost a listen() made during it.
                while (commands.poll() != null) {
                    // the fresh connection starts from the map
                }
                try (Statement st = c.createStatement()) {
                    for (String channel : handlers.keySet()) {
                        st.execute("listen " + PgIdentifiers.quote(channel));
                    }
                }
                connected = true;
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
                if (running) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "PG-ORM listener lost its connection, reconnecting: " + e.getMessage());
                }
            } finally {
                connected = false;
                connection = null;
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
            applyCommands(c);
            PGNotification[] notifications = pg.getNotifications(timeout);
            if (notifications != null && notifications.length > 0) {
                lastActivity = System.nanoTime();
                for (PGNotification n : notifications) {
                    received.incrementAndGet();
                    dispatch(new PgNotification(n.getName(), n.getParameter(), n.getPID()));
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

    private void applyCommands(Connection c) throws SQLException {
        String[] command;
        while ((command = commands.poll()) != null) {
            try (Statement st = c.createStatement()) {
                st.execute(command[0] + " " + PgIdentifiers.quote(command[1]));
            }
        }
    }

    private void dispatch(PgNotification n) {
        Consumer<PgNotification> handler = handlers.get(n.channel());
        if (handler == null) {
            return;
        }
        dispatchers
                .computeIfAbsent(
                        n.channel(),
                        ch -> Executors.newSingleThreadExecutor(daemon("pgorm-listener-" + ch)))
                .execute(
                        () -> {
                            try {
                                handler.accept(n);
                                dispatched.incrementAndGet();
                            } catch (RuntimeException e) {
                                failed.incrementAndGet();
                                LOG.log(
                                        System.Logger.Level.WARNING,
                                        "PG-ORM listener: handler for channel "
                                                + n.channel()
                                                + " failed",
                                        e);
                            }
                        });
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
        dispatchers.values().forEach(ExecutorService::shutdown);
        reconnectNotifier.shutdown();
        for (ExecutorService e : dispatchers.values()) {
            try {
                e.awaitTermination(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
