package dev.pgorm.ddl.view;

import dev.pgorm.ddl.view.internal.ViewRefresher;
import jakarta.persistence.EntityManager;

/**
 * Refreshes the materialized views behind {@link MaterializedView} entities.
 *
 * @since 0.1
 */
public final class PgMaterializedViews {

    private PgMaterializedViews() {}

    /**
     * Refreshes the view of {@code entity} in the entity manager's current transaction.
     *
     * <p>A concurrent refresh lets readers keep reading the old contents while it runs; PostgreSQL
     * allows it only for a view that is populated and has a unique index on plain columns without a
     * WHERE clause, and this method fails with that fix before sending anything otherwise.
     *
     * @param em an entity manager with an active transaction
     * @param entity the {@link MaterializedView} entity class
     * @param concurrently whether to refresh {@code CONCURRENTLY}
     * @throws IllegalArgumentException when the class is not a materialized view entity
     * @throws IllegalStateException when a concurrent refresh is not possible
     */
    public static void refresh(EntityManager em, Class<?> entity, boolean concurrently) {
        ViewRefresher.refresh(em, entity, concurrently);
    }
}
