package dev.pgorm.ddl.view.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.ddl.internal.EntityRuntime;
import dev.pgorm.ddl.view.MaterializedView;
import dev.pgorm.ddl.view.PgMaterializedViews;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The catalog checks and the statement behind {@link PgMaterializedViews}. */
public final class ViewRefresher {

    private static final String STATE =
            """
            select c.relispopulated,
                   exists (select 1 from pg_catalog.pg_index i
                            where i.indrelid = c.oid and i.indisunique
                              and i.indpred is null and i.indexprs is null) as has_unique
              from pg_catalog.pg_class c
             where c.oid = to_regclass(?) and c.relkind = 'm'
            """;

    /** Whether the view has been filled, and has a unique index a concurrent refresh can use. */
    private record ViewState(boolean populated, boolean hasUniqueIndex) {
        static ViewState of(ResultSet row) throws SQLException {
            return new ViewState(row.getBoolean("relispopulated"), row.getBoolean("has_unique"));
        }
    }

    private ViewRefresher() {}

    public static void refresh(EntityManager em, Class<?> entity, boolean concurrently) {
        if (!entity.isAnnotationPresent(MaterializedView.class)) {
            throw new IllegalArgumentException(
                    entity.getName() + " is not annotated with @MaterializedView");
        }
        String view = EntityRuntime.tableName(em, entity);
        EntityRuntime.inTransaction(
                em,
                "PgMaterializedViews.refresh",
                c -> {
                    PgCatalog catalog = PgCatalog.on(c);
                    ViewState state =
                            catalog.optional(STATE, ViewState::of, view)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalStateException(
                                                            "materialized view "
                                                                    + view
                                                                    + " of entity "
                                                                    + entity.getName()
                                                                    + " does not exist; create the schema first"));
                    if (concurrently) {
                        if (!state.hasUniqueIndex()) {
                            throw new IllegalStateException(
                                    "a concurrent refresh of "
                                            + view
                                            + " needs a unique index on plain columns without a WHERE clause:"
                                            + " declare @PgIndex(unique = true, columns = ...) on "
                                            + entity.getSimpleName()
                                            + ", or refresh with concurrently = false");
                        }
                        if (!state.populated()) {
                            throw new IllegalStateException(
                                    "materialized view "
                                            + view
                                            + " has never been filled, and PostgreSQL cannot refresh it concurrently:"
                                            + " refresh it once with concurrently = false");
                        }
                    }
                    catalog.execute(
                            "refresh materialized view "
                                    + (concurrently ? "concurrently " : "")
                                    + view);
                    return null;
                });
    }
}
