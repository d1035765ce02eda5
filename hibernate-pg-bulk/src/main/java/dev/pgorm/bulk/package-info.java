/**
 * PG-ORM bulk operations: {@link dev.pgorm.bulk.PgBulk} inserts, upserts, updates and deletes
 * entities with PostgreSQL's COPY and one statement per call, exports query results with {@code
 * COPY ... TO STDOUT} and streams entities through a cursor, on the session's own connection, in
 * the current transaction.
 */
package dev.pgorm.bulk;
