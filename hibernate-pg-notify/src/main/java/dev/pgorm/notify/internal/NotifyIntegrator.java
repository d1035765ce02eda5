package dev.pgorm.notify.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.notify.NotifyOnChange;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.MappingException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;

/** Registers the {@link ChangeNotifier} when some entity carries {@link NotifyOnChange}. */
public final class NotifyIntegrator implements Integrator {

    /** Creates the integrator; Hibernate does this through the service loader. */
    public NotifyIntegrator() {}

    @Override
    public void integrate(
            Metadata metadata,
            BootstrapContext bootstrapContext,
            SessionFactoryImplementor factory) {
        if (!PgDialectGuard.isPostgreSQL(metadata.getDatabase().getDialect())
                || !PgSettingsReader.of(factory.getProperties()).isModuleEnabled("notify")) {
            return;
        }
        Map<String, String> channels = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            NotifyOnChange annotation = find(entity);
            if (annotation != null) {
                try {
                    Limits.channel(annotation.channel());
                } catch (IllegalArgumentException e) {
                    throw new MappingException(
                            "PG-ORM: @NotifyOnChange on entity "
                                    + entity.getEntityName()
                                    + ": "
                                    + e.getMessage());
                }
                channels.put(entity.getEntityName(), annotation.channel());
            }
        }
        if (channels.isEmpty()) {
            return;
        }
        ChangeNotifier notifier = new ChangeNotifier(channels);
        EventListenerRegistry registry =
                factory.getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, notifier);
        registry.appendListeners(EventType.POST_UPDATE, notifier);
        registry.appendListeners(EventType.POST_DELETE, notifier);
    }

    /**
     * Returns the annotation of the entity or of the nearest superclass carrying it (an entity or a
     * mapped superclass of its hierarchy): the annotation is not {@code @Inherited}.
     */
    static NotifyOnChange find(PersistentClass entity) {
        for (Class<?> c = entity.getMappedClass(); c != null; c = c.getSuperclass()) {
            NotifyOnChange annotation = c.getAnnotation(NotifyOnChange.class);
            if (annotation != null) {
                return annotation;
            }
        }
        return null;
    }
}
