/** Storage options of an entity's table; see {@link PgTable}. */
package dev.pgorm.ddl.table;
