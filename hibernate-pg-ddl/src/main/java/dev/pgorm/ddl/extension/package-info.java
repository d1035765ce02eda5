/**
 * PostgreSQL extensions that the mapping needs, created with {@code CREATE EXTENSION IF NOT EXISTS}
 * before any table; see {@link dev.pgorm.ddl.extension.PgExtension}.
 */
package dev.pgorm.ddl.extension;
