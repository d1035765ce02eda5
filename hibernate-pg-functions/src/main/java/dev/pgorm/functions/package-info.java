/**
 * PG-ORM functions module: hQL functions for full-text search, JSONB, range and trigram operators,
 * and advisory locks.
 *
 * <p>The features of this module are tracked in the project's issues; see {@code docs/index.md} for
 * what is available today.
 */
package dev.pgorm.functions;
