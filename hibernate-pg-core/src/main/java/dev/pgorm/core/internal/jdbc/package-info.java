/**
 * JDBC plumbing shared by the PG-ORM modules: not a public API, free to change between releases.
 */
package dev.pgorm.core.internal.jdbc;
