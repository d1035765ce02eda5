package dev.pgorm.migrate.internal;

import java.util.List;
import java.util.Map;

/**
 * How a table is built besides its columns: partitioning, the parent it is a partition of,
 * inheritance, persistence and storage parameters.
 *
 * @param partitionKey {@code pg_get_partkeydef}, such as {@code RANGE (created_on)}, or null for a
 *     table that is not partitioned
 * @param partitionOf the qualified parent of a partition, or null
 * @param bound a partition's bound as {@code pg_get_expr} renders it ({@code FOR VALUES ...} or
 *     {@code DEFAULT}), or null
 * @param inherits the qualified parents of a table that uses {@code INHERITS}, in order
 * @param unlogged whether the table is unlogged
 * @param storage the storage parameters, such as {@code fillfactor=90}, sorted
 * @param attachedIndexes a partition's indexes that are partitions of its parent's indexes: the
 *     parent index's name to this partition's index name
 */
record TableForm(
        String partitionKey,
        String partitionOf,
        String bound,
        List<String> inherits,
        boolean unlogged,
        List<String> storage,
        Map<String, String> attachedIndexes) {

    /** A plain, logged table without storage parameters. */
    static final TableForm PLAIN =
            new TableForm(null, null, null, List.of(), false, List.of(), Map.of());

    /** Returns whether the table is a partition of another table. */
    boolean partition() {
        return partitionOf != null;
    }

    /** Returns whether the table is partitioned. */
    boolean partitioned() {
        return partitionKey != null;
    }

    /**
     * Returns the clauses of {@code CREATE TABLE} after the column list (or after {@code PARTITION
     * OF parent}): bound, partition key, storage parameters.
     */
    String createClauses() {
        StringBuilder sb = new StringBuilder();
        if (bound != null) {
            sb.append(' ').append(bound);
        }
        if (partitionKey != null) {
            sb.append(" PARTITION BY ").append(partitionKey);
        }
        if (!storage.isEmpty()) {
            sb.append(" WITH (").append(String.join(", ", storage)).append(')');
        }
        return sb.toString();
    }

    /** Returns {@code UNLOGGED } or an empty string, to follow {@code CREATE }. */
    String persistence() {
        return unlogged ? "UNLOGGED " : "";
    }
}
