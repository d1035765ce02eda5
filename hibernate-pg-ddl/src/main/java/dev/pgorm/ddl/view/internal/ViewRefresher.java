package dev.pgorm.ddl.view.internal;

import dev.pgorm.ddl.internal.EntityRuntime;
import dev.pgorm.ddl.view.MaterializedView;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/** The catalog checks and the statement behind {@link dev.pgorm.ddl.view.PgMaterializedViews}. */
public final class ViewRefresher {

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
                    List<Map<String, Object>> rows =
                            EntityRuntime.query(
                                    c,
                                    "select c.relispopulated, exists (select 1 from pg_catalog.pg_index i where i.indrelid = c.oid"
                                            + " and i.indisunique and i.indpred is null and i.indexprs is null) as has_unique"
                                            + " from pg_catalog.pg_class c where c.oid = to_regclass(?) and c.relkind = 'm'",
                                    view);
                    if (rows.isEmpty()) {
                        throw new IllegalStateException(
                                "materialized view "
                                        + view
                                        + " of entity "
                                        + entity.getName()
                                        + " does not exist; create the schema first");
                    }
                    if (concurrently) {
                        if (!(Boolean) rows.get(0).get("has_unique")) {
                            throw new IllegalStateException(
                                    "a concurrent refresh of "
                                            + view
                                            + " needs a unique index on plain columns without a WHERE clause:"
                                            + " declare @PgIndex(unique = true, columns = ...) on "
                                            + entity.getSimpleName()
                                            + ", or refresh with concurrently = false");
                        }
                        if (!(Boolean) rows.get(0).get("relispopulated")) {
                            throw new IllegalStateException(
                                    "materialized view "
                                            + view
                                            + " has never been filled, and PostgreSQL cannot refresh it concurrently:"
                                            + " refresh it once with concurrently = false");
                        }
                    }
                    EntityRuntime.execute(
                            c,
                            "refresh materialized view "
                                    + (concurrently ? "concurrently " : "")
                                    + view);
                    return null;
                });
    }
}
