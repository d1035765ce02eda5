package dev.pgorm.migrate.internal;

/**
 * An extended statistics object.
 *
 * @param definition {@code pg_get_statisticsobjdef}: a complete CREATE STATISTICS statement
 * @param comment its comment (PG-ORM's fingerprint), or null
 */
record Statistics(String definition, String comment) {}
