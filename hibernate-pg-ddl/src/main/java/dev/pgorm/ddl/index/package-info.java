/**
 * Indexes with every PostgreSQL index method, operator classes, partial, covering and expression
 * indexes; see {@link PgIndex}.
 */
package dev.pgorm.ddl.index;
