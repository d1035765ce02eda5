/**
 * Materialized views mapped as read-only entities: {@link dev.pgorm.ddl.view.MaterializedView}
 * creates the view, {@link dev.pgorm.ddl.view.PgMaterializedViews} refreshes it.
 */
package dev.pgorm.ddl.view;
