/**
 * PostgreSQL domains, created with {@code CREATE DOMAIN} before any table and used by columns; see
 * {@link dev.pgorm.ddl.domain.PgDomain}.
 */
package dev.pgorm.ddl.domain;
