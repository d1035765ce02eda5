package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgBulkObserver;
import dev.pgorm.bulk.PgBulkSettings;
import jakarta.persistence.EntityManager;

/** Tells the persistence unit's {@link PgBulkObserver}, if it has one, of a completed call. */
public final class BulkObservers {

    private BulkObservers() {}

    /**
     * Tells the observer of {@code em}'s persistence unit that {@code operation} wrote {@code rows}
     * rows since {@code startNanos} ({@link System#nanoTime()}).
     *
     * @param em the entity manager of the call
     * @param operation the call, such as {@code insert}
     * @param rows the rows written
     * @param startNanos when the call started
     * @throws IllegalStateException when the setting holds something other than an observer
     */
    public static void completed(EntityManager em, String operation, long rows, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        Object observer = em.getEntityManagerFactory().getProperties().get(PgBulkSettings.OBSERVER);
        if (observer == null) {
            return;
        }
        if (!(observer instanceof PgBulkObserver o)) {
            throw new IllegalStateException(
                    PgBulkSettings.OBSERVER
                            + " must hold a PgBulkObserver instance, not "
                            + observer.getClass().getName());
        }
        o.completed(operation, rows, nanos);
    }
}
