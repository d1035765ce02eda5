package dev.pgorm.notify.internal;

import dev.pgorm.notify.NotifyOnChange;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.HibernateException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Publishes {@link NotifyOnChange} events with {@code pg_notify} on the session's own connection,
 * right after Hibernate wrote the row, so the notification belongs to the same transaction.
 */
final class ChangeNotifier
        implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private static final long serialVersionUID = 1L;

    /** Channel by entity name, subclasses of an annotated entity included. */
    private final Map<String, String> channels;

    ChangeNotifier(Map<String, String> channels) {
        this.channels = Map.copyOf(channels);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        publish(event.getSession(), event.getPersister(), event.getId(), "INSERT");
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        publish(event.getSession(), event.getPersister(), event.getId(), "UPDATE");
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        publish(event.getSession(), event.getPersister(), event.getId(), "DELETE");
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void publish(
            SharedSessionContractImplementor session,
            EntityPersister persister,
            Object id,
            String op) {
        // By the persister's entity name: the subclass of an annotated entity publishes too.
        String channel = channels.get(persister.getEntityName());
        if (channel == null) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("entity", persister.getJpaEntityName());
        payload.put("op", op);
        payload.put("id", id);
        String text = Limits.payload(Json.write(payload));
        try (PreparedStatement ps =
                session.getJdbcCoordinator()
                        .getLogicalConnection()
                        .getPhysicalConnection()
                        .prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, text);
            ps.execute();
        } catch (SQLException e) {
            throw new HibernateException(
                    "PG-ORM could not publish the change of "
                            + persister.getEntityName()
                            + " on channel "
                            + channel,
                    e);
        }
    }
}
