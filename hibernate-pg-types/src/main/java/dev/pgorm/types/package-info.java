/**
 * PG-ORM types module: range, multirange and text-search types, registered with Hibernate, working
 * with hibernate-vector, hibernate-spatial and Hypersistence Utils.
 *
 * <p>The features of this module are tracked in the project's issues; see {@code docs/index.md} for
 * what is available today.
 */
package dev.pgorm.types;
