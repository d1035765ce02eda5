/**
 * What PG-ORM's build tools (the Maven plugin) need from the migrate module: planning from a
 * project's compiled classes. Not meant for applications, which use {@link
 * dev.pgorm.migrate.PgMigrations#planner()}.
 */
package dev.pgorm.migrate.spi;
