package dev.pgorm.ddl.partition;

/**
 * How a {@link Partitioned} table divides its rows.
 *
 * @since 0.1
 */
public enum PartitionStrategy {
    /** By ranges of the key, for example one partition per month. */
    RANGE,
    /** By lists of key values, for example one partition per region. */
    LIST,
    /** By a hash of the key, spreading rows evenly over a fixed number of partitions. */
    HASH
}
