package dev.pgorm.ddl.partition;

/**
 * One partition of a partitioned table, as PostgreSQL's catalog describes it.
 *
 * @param name the partition's table name
 * @param bound the bound as PostgreSQL prints it, for example {@code FOR VALUES FROM ('2026-01-01')
 *     TO ('2026-02-01')} or {@code DEFAULT}
 * @param isDefault whether it is the default partition
 * @param from the lower bound of a single-column range partition as text, {@code MINVALUE}, or null
 *     for other partitions
 * @param to the upper bound of a single-column range partition as text, {@code MAXVALUE}, or null
 *     for other partitions
 * @since 0.1
 */
public record PgPartitionInfo(
        String name, String bound, boolean isDefault, String from, String to) {}
