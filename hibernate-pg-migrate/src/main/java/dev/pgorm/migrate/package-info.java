/**
 * PG-ORM migration planning: {@link dev.pgorm.migrate.PgMigrations#planner()} compares the schema
 * that the entities create with a live database or a folder of migrations and returns a verified,
 * zero-downtime {@link dev.pgorm.migrate.PgMigrationPlan}.
 */
package dev.pgorm.migrate;
