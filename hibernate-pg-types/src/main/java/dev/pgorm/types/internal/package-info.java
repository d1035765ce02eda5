/**
 * The machinery behind PG-ORM's types: literal parsing, element strategies, Hibernate descriptors.
 */
package dev.pgorm.types.internal;
