/**
 * PG-ORM DDL: PostgreSQL schema objects declared as annotations on entities and created, updated,
 * validated and scripted by Hibernate's own schema tooling.
 *
 * <p>One package per kind of object: {@link dev.pgorm.ddl.extension extensions}, {@link
 * dev.pgorm.ddl.index indexes}, {@link dev.pgorm.ddl.partition partitions}, {@link
 * dev.pgorm.ddl.rls row-level security}, {@link dev.pgorm.ddl.trigger functions and triggers},
 * {@link dev.pgorm.ddl.view materialized views}, {@link dev.pgorm.ddl.inheritance table
 * inheritance} and {@link dev.pgorm.ddl.constraint exclusion constraints}. Settings are in {@link
 * PgDdlSettings}.
 */
package dev.pgorm.ddl;
