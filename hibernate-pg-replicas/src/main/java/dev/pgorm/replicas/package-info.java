/**
 * PG-ORM read replicas: {@link dev.pgorm.replicas.PgReplicasConnectionProvider} sends read-only
 * sessions to streaming replicas and everything else to the primary, and {@link
 * dev.pgorm.replicas.PgReplicas} carries the read-your-writes token (the primary's WAL position
 * after a write).
 */
package dev.pgorm.replicas;
