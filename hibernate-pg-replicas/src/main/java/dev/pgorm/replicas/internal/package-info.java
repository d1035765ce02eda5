/** The routing, health checks, WAL positions and token tracking behind the replicas API. */
package dev.pgorm.replicas.internal;
