/**
 * Internals of migration planning: temporary databases, the catalog reader, differ and planner, and
 * the Flyway and Liquibase file writers.
 */
package dev.pgorm.migrate.internal;
