package dev.pgorm.spring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.context.ApplicationEvent;

/**
 * Published after the {@link PgListen} listener reconnected and listens to every channel again.
 * Notifications sent while it was disconnected are lost: catch up in an {@code @EventListener}.
 *
 * @since 0.1
 */
public final class PgListenerReconnectedEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    /** The channels listened to again (a serializable type, as the event is serializable). */
    private final ArrayList<String> channels;

    /**
     * Creates the event.
     *
     * @param source the listener's container
     * @param channels the channels listened to again
     */
    public PgListenerReconnectedEvent(Object source, List<String> channels) {
        super(source);
        this.channels = new ArrayList<>(channels);
    }

    /**
     * Returns the channels listened to again.
     *
     * @return the channel names, unmodifiable
     */
    public List<String> channels() {
        return Collections.unmodifiableList(channels);
    }
}
