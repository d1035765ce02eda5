package dev.pgorm.testing;

import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** Builds the entity manager factories of one test class and closes them, newest first. */
final class EntityManagerFactories {

    private final DataSource dataSource;
    private final String unitName;
    private final Deque<EntityManagerFactory> open = new ArrayDeque<>();

    EntityManagerFactories(DataSource dataSource, String unitName) {
        this.dataSource = dataSource;
        this.unitName = unitName;
    }

    /**
     * Builds a factory on the data source: tables created ({@code hibernate.hbm2ddl.auto=create},
     * halting on the first DDL error) unless {@code properties} say otherwise.
     */
    SessionFactory create(List<Class<?>> entities, Map<String, ?> properties) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create");
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
        settings.putAll(properties);
        SessionFactory factory =
                new HibernatePersistenceConfiguration(unitName)
                        .managedClasses(entities)
                        .properties(settings)
                        .createEntityManagerFactory();
        open.push(factory);
        return factory;
    }

    /** Closes one factory now. */
    void close(EntityManagerFactory factory) {
        open.remove(factory);
        factory.close();
    }

    /**
     * Closes every factory still open.
     *
     * @param owner what the factories belong to, for the message
     * @return the failure of the last factory that failed to close, or null
     */
    RuntimeException closeAll(Object owner) {
        RuntimeException failure = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                failure = new IllegalStateException("closing " + owner + " failed", e);
            }
        }
        return failure;
    }
}
