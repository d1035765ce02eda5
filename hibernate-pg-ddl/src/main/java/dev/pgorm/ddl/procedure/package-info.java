/**
 * Stored procedures: declared with {@link dev.pgorm.ddl.procedure.PgProcedure}, created by schema
 * export, called with {@link dev.pgorm.ddl.procedure.PgProcedures#call}.
 */
package dev.pgorm.ddl.procedure;
