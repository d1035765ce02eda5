package dev.pgorm.ddl.table.internal;

import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.table.PgTable;
import org.hibernate.MappingException;

/** Checks an entity's {@link PgTable} and turns it into a {@link TableOptionsObject}. */
public final class TableOptionsBinder {

    private static final String LABEL = "@PgTable";

    private TableOptionsBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        TableOptions options = options(entity);
        if (options == null) {
            return;
        }
        // as PartitionBinder reads it
        boolean partitioned = entity.javaClass().isAnnotationPresent(Partitioned.class);
        if (partitioned && options.unlogged()) {
            throw entity.fail(
                    LABEL + "(unlogged = true)",
                    "PostgreSQL has no unlogged partitioned tables: before 18 it accepts UNLOGGED"
                            + " on one but creates its partitions logged (and ALTER TABLE ... SET"
                            + " UNLOGGED does nothing there), 18 refuses it; remove unlogged = true"
                            + " or the partitioning");
        }
        registry.add(
                DdlOrder.TABLE_OPTIONS,
                new TableOptionsObject(
                        entity.table(),
                        options,
                        partitioned,
                        LABEL + " on entity " + entity.describe()));
    }

    /**
     * Returns an entity's checked {@link PgTable}, or null when it has none; the declared
     * partitions of a partitioned entity are created with them.
     *
     * @throws MappingException naming the entity and the fix
     */
    public static TableOptions options(EntityTable entity) {
        PgTable options = entity.annotation(PgTable.class);
        if (options == null) {
            return null;
        }
        try {
            return TableOptions.of(options);
        } catch (IllegalArgumentException e) {
            throw entity.fail(LABEL, e.getMessage());
        }
    }
}
