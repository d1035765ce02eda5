package dev.pgorm.spring.internal;

import dev.pgorm.notify.PgListener;
import dev.pgorm.notify.PgNotification;
import dev.pgorm.spring.PgListenErrorHandler;
import dev.pgorm.spring.PgListenerReconnectedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Serves every {@code @PgListen} method with one {@link PgListener} of the application: started
 * late and stopped early with the context, and listening when {@link #start()} returns, so before
 * the application reports itself started. Counts handled and failed notifications itself, since
 * failures go to the {@link PgListenErrorHandler} instead of the listener.
 */
public final class PgListenContainer implements SmartLifecycle {

    /** Started after the other lifecycle beans (a web server included), stopped before them. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

    private final PgListenBeanPostProcessor endpoints;
    private final Supplier<PgListener.Builder> builders;
    private final ApplicationEventPublisher events;
    private final PgListenErrorHandler errors;
    private final PayloadDecoder decoder;
    private final AtomicLong dispatched = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile PgListener listener;
    private volatile List<String> channels = List.of();
    private volatile boolean running;

    PgListenContainer(
            PgListenBeanPostProcessor endpoints,
            Supplier<PgListener.Builder> builders,
            ApplicationEventPublisher events,
            PgListenErrorHandler errors,
            PayloadDecoder decoder) {
        this.endpoints = endpoints;
        this.builders = builders;
        this.events = events;
        this.errors = errors;
        this.decoder = decoder;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        Map<String, List<PgListenEndpoint>> byChannel = new LinkedHashMap<>();
        for (PgListenEndpoint e : endpoints.endpoints()) {
            byChannel.computeIfAbsent(e.channel(), c -> new ArrayList<>()).add(e);
        }
        if (!byChannel.isEmpty()) {
            List<String> names = List.copyOf(byChannel.keySet());
            PgListener.Builder builder = builders.get();
            byChannel.forEach(
                    (channel, handlers) -> builder.listen(channel, n -> dispatch(n, handlers)));
            builder.onReconnect(
                    () -> events.publishEvent(new PgListenerReconnectedEvent(this, names)));
            listener = builder.build().start();
            channels = names;
        }
        running = true;
    }

    private void dispatch(PgNotification n, List<PgListenEndpoint> handlers) {
        for (PgListenEndpoint handler : handlers) {
            try {
                handler.invoke(n, decoder);
                dispatched.incrementAndGet();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                failed.incrementAndGet();
                try {
                    errors.handleError(n, e);
                } catch (RuntimeException again) {
                    again.addSuppressed(e);
                    throw again;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        PgListener current = listener;
        if (current != null) {
            current.close(); // kept for its counters, which must not go back to zero
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Returns the channels listened to; empty when no bean has a {@code @PgListen} method. */
    public List<String> channels() {
        return channels;
    }

    /** Returns whether the listener is connected, or true when there is nothing to listen to. */
    public boolean isConnected() {
        PgListener current = listener;
        return running && (current == null || current.isConnected());
    }

    /** Returns notifications received from the server. */
    public long received() {
        PgListener current = listener;
        return current == null ? 0 : current.stats().received();
    }

    /** Returns handler calls that returned normally. */
    public long dispatched() {
        return dispatched.get();
    }

    /** Returns handler calls that threw, or whose payload did not decode. */
    public long failed() {
        return failed.get();
    }

    /** Returns reconnects after a lost connection. */
    public long reconnects() {
        PgListener current = listener;
        return current == null ? 0 : current.stats().reconnects();
    }
}
