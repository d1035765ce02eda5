/**
 * PG-ORM ddl module: annotations and schema-export integration for PostgreSQL schema objects:
 * extensions, indexes, partitions, RLS policies, triggers, materialized views.
 *
 * <p>The features of this module are tracked in the project's issues; see {@code docs/index.md} for
 * what is available today.
 */
package dev.pgorm.ddl;
