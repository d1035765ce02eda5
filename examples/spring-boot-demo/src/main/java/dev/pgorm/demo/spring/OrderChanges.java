package dev.pgorm.demo.spring;

import dev.pgorm.spring.PgListen;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Pushes every committed order change to the server-sent-event subscribers. */
@Component
public class OrderChanges {

    /** A change as {@code @NotifyOnChange} publishes it. */
    public record Change(String entity, String op, long id) {}

    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final List<Change> recent = new CopyOnWriteArrayList<>();

    /**
     * Adds a subscriber.
     *
     * @return the emitter to return from the controller
     */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        subscribers.add(emitter);
        return emitter;
    }

    /**
     * Receives the changes after commit and sends them on.
     *
     * @param change the decoded payload
     */
    @PgListen(channel = "order_changes")
    public void onChange(Change change) {
        recent.add(change);
        for (SseEmitter emitter : subscribers) {
            try {
                emitter.send(change);
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(emitter);
            }
        }
    }

    /**
     * Returns the changes received since the start.
     *
     * @return the changes, oldest first
     */
    public List<Change> recent() {
        return List.copyOf(recent);
    }
}
