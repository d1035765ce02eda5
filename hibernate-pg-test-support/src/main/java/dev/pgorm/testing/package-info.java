/**
 * JUnit 5 support for PG-ORM's integration tests: a real PostgreSQL per test class.
 *
 * <p>Annotate a test class with {@link PgTest} and take a {@link PgTestDatabase} as a parameter.
 * See {@code docs/testing.md} for how the server is found.
 */
package dev.pgorm.testing;
