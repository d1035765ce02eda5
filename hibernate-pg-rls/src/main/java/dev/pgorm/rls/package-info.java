/**
 * PG-ORM rls module: a per-transaction row-level security context that never leaks between tenants.
 *
 * <p>The features of this module are tracked in the project's issues; see {@code docs/index.md} for
 * what is available today.
 */
package dev.pgorm.rls;
