package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.PgCatalog;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;

/** Runs one declared object's catalog checks, for {@code validate} and after {@code update}. */
final class DeclaredObjectChecks {

    private DeclaredObjectChecks() {}

    /** Adds to {@code missing} the description of each check of {@code object} that fails. */
    static void collect(
            PgCatalog catalog,
            PgDdlObject object,
            SqlStringGenerationContext context,
            List<String> missing)
            throws SQLException {
        for (PgDdlObject.CatalogCheck check : object.catalogChecks(context)) {
            Object[] params = check.params().toArray();
            if (check.listing()) {
                List<String> differing = catalog.list(check.sql(), row -> row.getString(1), params);
                if (!differing.isEmpty()) {
                    missing.add(check.description() + " " + String.join(", ", differing));
                }
            } else if (!catalog.bool(check.sql(), params)) {
                missing.add(check.description());
            }
        }
        if (object instanceof CatalogInspection inspected) {
            missing.addAll(inspected.differences(catalog, context));
        }
    }
}
