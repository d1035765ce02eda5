package dev.pgorm.ddl.table.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.internal.SqlText;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.table.PgTable;
import java.util.ArrayList;
import java.util.List;

/** Checks an entity's {@link PgTable} and turns it into a {@link TableOptionsObject}. */
public final class TableOptionsBinder {

    private TableOptionsBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        PgTable options = entity.annotation(PgTable.class);
        if (options == null) {
            return;
        }
        String label = "@PgTable";
        if (entity.annotation(Partitioned.class) != null) {
            throw entity.fail(
                    label,
                    "PostgreSQL keeps storage options per table, not on a partitioned table; set"
                            + " them on the partitions (ALTER TABLE ... SET) or remove @PgTable");
        }
        List<String> parameters = new ArrayList<>();
        if (options.fillfactor() != 0) {
            if (options.fillfactor() < 10 || options.fillfactor() > 100) {
                throw entity.fail(
                        label,
                        "fillfactor must be between 10 and 100, not " + options.fillfactor());
            }
            parameters.add("fillfactor = " + options.fillfactor());
        }
        if (!options.with().isBlank()) {
            String with;
            try {
                with = SqlText.storageParameters(options.with(), label);
            } catch (IllegalArgumentException e) {
                throw entity.fail(label, e.getMessage());
            }
            for (String pair : with.split(",")) {
                String normalized = pair.trim().replaceAll("\\s*=\\s*", " = ");
                if (normalized.startsWith("fillfactor ") && options.fillfactor() != 0) {
                    throw entity.fail(label, "fillfactor is given twice: keep one");
                }
                parameters.add(normalized);
            }
        }
        String tablespace = options.tablespace();
        if (!tablespace.isEmpty()) {
            try {
                PgIdentifiers.requireValid(tablespace, "tablespace");
            } catch (IllegalArgumentException e) {
                throw entity.fail(label, e.getMessage());
            }
        }
        registry.add(
                DdlOrder.TABLE_OPTIONS,
                new TableOptionsObject(
                        entity.table(),
                        options.unlogged(),
                        parameters,
                        tablespace,
                        label + " on entity " + entity.describe()));
    }
}
