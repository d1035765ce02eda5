package dev.pgorm.notify;

import dev.pgorm.notify.internal.Json;
import dev.pgorm.notify.internal.Limits;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import org.hibernate.Session;

/**
 * Publishes notifications with {@code pg_notify} in the entity manager's current transaction.
 *
 * <p>PostgreSQL delivers a notification only when the transaction commits, and not at all when it
 * rolls back, so listeners never hear about changes that did not happen. Outside a transaction the
 * notification is sent at once. Notifications are a wake-up signal, not a queue: a listener that is
 * disconnected misses them (see {@link PgListener.Builder#onReconnect}).
 *
 * @since 0.1
 */
public final class PgNotify {

    private PgNotify() {}

    /**
     * Sends {@code payload} on {@code channel} when the current transaction commits.
     *
     * @param em the entity manager whose transaction carries the notification
     * @param channel a channel name: a valid identifier of at most 63 bytes
     * @param payload a {@code String} sent as is, or any other object sent as JSON (Jackson); null
     *     sends an empty payload
     * @throws IllegalArgumentException before sending anything, when the channel name is invalid or
     *     the payload is 8000 bytes or more in UTF-8
     */
    public static void publish(EntityManager em, String channel, Object payload) {
        String name = Limits.channel(channel);
        String text = payload == null ? "" : payload instanceof String s ? s : Json.write(payload);
        Limits.payload(text);
        em.unwrap(Session.class)
                .doWork(
                        c -> {
                            try (PreparedStatement ps =
                                    c.prepareStatement("select pg_notify(?, ?)")) {
                                ps.setString(1, name);
                                ps.setString(2, text);
                                ps.execute();
                            }
                        });
    }
}
