package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the renames that {@link Renames} declares and that the current schema still needs: the old
 * name exists and the new one does not. Applied first, so the differ sees renamed objects.
 */
final class RenamePlanner {

    private RenamePlanner() {}

    static List<String> plan(SchemaModel current, SchemaModel desired, Renames renames) {
        List<String> sql = new ArrayList<>();
        for (Map.Entry<String, String> e : renames.tables().entrySet()) {
            Table wanted = desired.tables().get(e.getKey());
            if (wanted == null || current.tables().containsKey(e.getKey())) {
                continue;
            }
            String old = SchemaModel.qualified(wanted.schema(), e.getValue());
            if (current.tables().containsKey(old)) {
                sql.add("ALTER TABLE " + old + " RENAME TO " + PgIdentifiers.render(wanted.name()));
            }
        }
        for (Map.Entry<String, Map<String, String>> e : renames.columns().entrySet()) {
            Table wanted = desired.tables().get(e.getKey());
            if (wanted == null) {
                continue;
            }
            Table was = current.tables().get(e.getKey());
            String oldTable = renames.tables().get(e.getKey());
            if (was == null && oldTable != null) {
                was = current.tables().get(SchemaModel.qualified(wanted.schema(), oldTable));
            }
            if (was == null) {
                continue;
            }
            for (Map.Entry<String, String> c : e.getValue().entrySet()) {
                if (was.column(c.getKey()) == null && was.column(c.getValue()) != null) {
                    sql.add(
                            "ALTER TABLE "
                                    + e.getKey()
                                    + " RENAME COLUMN "
                                    + PgIdentifiers.render(c.getValue())
                                    + " TO "
                                    + PgIdentifiers.render(c.getKey()));
                }
            }
        }
        return sql;
    }
}
