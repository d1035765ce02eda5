/** How {@code @PgTable} is checked and rendered. */
package dev.pgorm.ddl.table.internal;
