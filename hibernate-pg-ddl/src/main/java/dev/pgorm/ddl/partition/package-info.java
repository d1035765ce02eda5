/**
 * Declarative partitioning: {@link dev.pgorm.ddl.partition.Partitioned} makes the entity's table
 * partitioned, {@link dev.pgorm.ddl.partition.Partition} declares partitions, and {@link
 * dev.pgorm.ddl.partition.PgPartitions} creates, lists and detaches range partitions at run time.
 */
package dev.pgorm.ddl.partition;
