package dev.pgorm.notify.internal;

import dev.pgorm.notify.PgNotification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs a listener's handlers off its receiving thread, one thread per channel so that each
 * channel's notifications are handled in order and a slow handler never stalls receipt; counts what
 * was received, handled and failed.
 */
final class Dispatcher {

    private static final System.Logger LOG = System.getLogger("dev.pgorm.notify");

    private final Map<String, ExecutorService> channels = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dispatched = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Hands a received notification to its channel's handler, if any, on the channel's thread. */
    void dispatch(PgNotification n, Consumer<PgNotification> handler) {
        received.incrementAndGet();
        if (handler == null) {
            return;
        }
        channels.computeIfAbsent(
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

    long received() {
        return received.get();
    }

    long dispatched() {
        return dispatched.get();
    }

    long failed() {
        return failed.get();
    }

    /** Stops the channel threads, letting each finish the handler it runs for a moment. */
    void close() {
        channels.values().forEach(ExecutorService::shutdown);
        for (ExecutorService e : channels.values()) {
            try {
                e.awaitTermination(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
