/**
 * PostgreSQL extensions that the mapping needs, created with {@code CREATE EXTENSION IF NOT EXISTS}
 * before any table; see {@link PgExtension}.
 */
package dev.pgorm.ddl.extension;
