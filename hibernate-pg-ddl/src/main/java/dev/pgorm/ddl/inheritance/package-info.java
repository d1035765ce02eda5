/** PostgreSQL table inheritance between entity tables; see {@link Inherits}. */
package dev.pgorm.ddl.inheritance;
