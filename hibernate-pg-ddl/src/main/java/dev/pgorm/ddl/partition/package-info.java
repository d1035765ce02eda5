/**
 * Declarative partitioning: {@link Partitioned} makes the entity's table partitioned, {@link
 * Partition} declares partitions, and {@link PgPartitions} creates, lists and detaches range
 * partitions at run time.
 */
package dev.pgorm.ddl.partition;
