package dev.pgorm.migrate.internal;

import java.util.Map;

/**
 * A domain.
 *
 * @param type the base type as {@code format_type} spells it, with {@code COLLATE} when the
 *     domain's collation is not the base type's
 * @param defaultValue the default expression, or null
 * @param checks check constraints, quoted name to {@code pg_get_constraintdef}, by name
 * @param comment the domain's comment (PG-ORM's fingerprint, say), or null
 */
record Domain(
        String schema,
        String name,
        String type,
        String defaultValue,
        boolean notNull,
        Map<String, String> checks,
        String comment) {
    String qname() {
        return SchemaModel.qualified(schema, name);
    }
}
