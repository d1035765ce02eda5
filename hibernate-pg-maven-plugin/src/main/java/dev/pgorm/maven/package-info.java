/**
 * PG-ORM's Maven goals: {@code pgorm:diff} writes the next migration from the project's entities,
 * {@code pgorm:verify} fails the build when the entities and the migration folder disagree.
 */
package dev.pgorm.maven;
