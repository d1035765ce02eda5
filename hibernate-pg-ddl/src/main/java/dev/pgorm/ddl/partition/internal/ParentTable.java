package dev.pgorm.ddl.partition.internal;

import dev.pgorm.core.internal.PgIdentifiers;

/**
 * A partitioned table as the catalog describes it.
 *
 * @param oid its oid
 * @param schema its schema
 * @param name its name
 * @param keyType the type of its partition key as {@code format_type} writes it, or null unless it
 *     is RANGE-partitioned on one column
 */
record ParentTable(long oid, String schema, String name, String keyType) {

    /** Returns the table, qualified and quoted, as SQL. */
    String sql() {
        return child(name);
    }

    /** Returns a table of the same schema (a partition), qualified and quoted, as SQL. */
    String child(String table) {
        return PgIdentifiers.quote(schema) + "." + PgIdentifiers.quote(table);
    }
}
