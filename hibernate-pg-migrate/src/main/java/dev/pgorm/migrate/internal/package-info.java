/** Internals of migration planning: temporary databases, the catalog reader, differ and planner. */
package dev.pgorm.migrate.internal;
