/**
 * PG-ORM notify module: lISTEN/NOTIFY: publish in the current transaction, a reconnecting listener,
 * entity change events.
 *
 * <p>The features of this module are tracked in the project's issues; see {@code docs/index.md} for
 * what is available today.
 */
package dev.pgorm.notify;
