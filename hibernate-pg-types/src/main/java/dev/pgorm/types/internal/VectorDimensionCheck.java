package dev.pgorm.types.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.event.spi.PreUpsertEvent;
import org.hibernate.event.spi.PreUpsertEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Rejects a {@code float[]} whose length differs from its column's declared dimension before the
 * insert, update or upsert reaches PostgreSQL, naming the attribute, the column and both sizes.
 */
final class VectorDimensionCheck
        implements PreInsertEventListener, PreUpdateEventListener, PreUpsertEventListener {

    private static final long serialVersionUID = 1L;

    /** A {@code float[]} attribute mapped to a {@code vector(n)} or {@code halfvec(n)} column. */
    record VectorColumn(String attribute, String column, String sqlType, int dimensions) {}

    private final Map<String, List<VectorColumn>> columnsByEntity;
    private final Map<String, int[]> indexesByEntity = new ConcurrentHashMap<>();

    VectorDimensionCheck(Map<String, List<VectorColumn>> columnsByEntity) {
        this.columnsByEntity = Map.copyOf(columnsByEntity);
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        check(event.getPersister(), event.getState());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        check(event.getPersister(), event.getState());
        return false;
    }

    @Override
    public boolean onPreUpsert(PreUpsertEvent event) {
        check(event.getPersister(), event.getState());
        return false;
    }

    private void check(EntityPersister persister, Object[] state) {
        List<VectorColumn> columns = columnsByEntity.get(persister.getEntityName());
        if (columns == null || state == null) {
            return;
        }
        int[] indexes =
                indexesByEntity.computeIfAbsent(
                        persister.getEntityName(),
                        name -> {
                            List<String> names = Arrays.asList(persister.getPropertyNames());
                            return columns.stream()
                                    .mapToInt(c -> names.indexOf(c.attribute()))
                                    .toArray();
                        });
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] >= 0 && state[indexes[i]] instanceof float[] vector) {
                VectorColumn column = columns.get(i);
                if (vector.length != column.dimensions()) {
                    throw new IllegalArgumentException(
                            "PG-ORM: "
                                    + persister.getEntityName()
                                    + "."
                                    + column.attribute()
                                    + " (column "
                                    + column.column()
                                    + ", "
                                    + column.sqlType()
                                    + "): expected "
                                    + column.dimensions()
                                    + " dimensions, got "
                                    + vector.length
                                    + "; store a float["
                                    + column.dimensions()
                                    + "] or change the column's @Array(length = ...)");
                }
            }
        }
    }
}
