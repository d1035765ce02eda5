package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgBulkObserver;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.bulk.PgCopyFormat;
import jakarta.persistence.EntityManager;
import java.util.Map;

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
        PgBulkObserver observer = observer(em.getEntityManagerFactory().getProperties());
        if (observer != null) {
            observer.completed(operation, rows, nanos);
        }
    }

    /** Tells the observer, if there is one, the format in which a call copied its rows. */
    static void copied(
            Map<String, Object> properties, String call, PgCopyFormat format, long rows) {
        PgBulkObserver observer = observer(properties);
        if (observer != null) {
            observer.copied(call.substring(call.indexOf('.') + 1), format, rows);
        }
    }

    private static PgBulkObserver observer(Map<String, Object> properties) {
        Object observer = properties.get(PgBulkSettings.OBSERVER);
        if (observer == null) {
            return null;
        }
        if (!(observer instanceof PgBulkObserver o)) {
            throw new IllegalStateException(
                    PgBulkSettings.OBSERVER
                            + " must hold a PgBulkObserver instance, not "
                            + observer.getClass().getName());
        }
        return o;
    }
}
