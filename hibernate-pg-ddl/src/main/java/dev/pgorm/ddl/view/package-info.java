/**
 * Materialized views mapped as read-only entities: {@link MaterializedView} creates the view,
 * {@link PgMaterializedViews} refreshes it.
 */
package dev.pgorm.ddl.view;
