/**
 * What other PG-ORM modules (the HQL functions) need to know about the types module's mappings: a
 * small, stable surface, so that they never reach into {@code dev.pgorm.types.internal}. Not meant
 * for applications.
 */
package dev.pgorm.types.spi;
