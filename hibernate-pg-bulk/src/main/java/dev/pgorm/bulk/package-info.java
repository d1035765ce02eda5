/**
 * PG-ORM bulk insert: {@link dev.pgorm.bulk.PgBulk} writes entities with PostgreSQL's COPY, on the
 * session's own connection, in the current transaction.
 */
package dev.pgorm.bulk;
