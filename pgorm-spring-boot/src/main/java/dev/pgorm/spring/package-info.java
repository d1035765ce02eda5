/**
 * Spring Boot support for PG-ORM: {@code pgorm.*} properties in {@code application.yml}, {@link
 * dev.pgorm.spring.PgListen} handler methods, row-level security from Spring, health and metrics,
 * and the {@link dev.pgorm.spring.PgBulkRepository} fragment. Everything is auto-configured; the
 * configuration classes live in {@code dev.pgorm.spring.internal}.
 */
package dev.pgorm.spring;
