/**
 * PostgreSQL table inheritance between entity tables; see {@link
 * dev.pgorm.ddl.inheritance.Inherits}.
 */
package dev.pgorm.ddl.inheritance;
