/**
 * PG-ORM bulk module: cOPY-based bulk insert of entities.
 *
 * <p>The features of this module are tracked in the project's issues; see {@code docs/index.md} for
 * what is available today.
 */
package dev.pgorm.bulk;
