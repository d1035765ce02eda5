package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.PgCatalog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;

/**
 * A declared object that reads the catalog itself: its messages name what the database holds (a
 * {@link PgDdlObject.CatalogCheck} can only say what is expected), and it can refuse an {@code
 * update} before anything changes.
 */
public interface CatalogInspection {

    /** Returns the declared objects of {@code metadata} that inspect the catalog. */
    static List<CatalogInspection> declaredIn(Metadata metadata) {
        List<CatalogInspection> inspected = new ArrayList<>();
        for (PgDdlObject object : PgDdlObject.declaredIn(metadata)) {
            if (object instanceof CatalogInspection i) {
                inspected.add(i);
            }
        }
        return inspected;
    }

    /**
     * Describes what differs from the declaration, for {@code validate} and the check after {@code
     * update}; empty when the database is as declared.
     */
    List<String> differences(PgCatalog catalog, SqlStringGenerationContext context)
            throws SQLException;

    /**
     * Says why {@code update} must not run, checked before it changes anything; empty when it may.
     */
    List<String> updateRefusals(PgCatalog catalog, SqlStringGenerationContext context)
            throws SQLException;
}
