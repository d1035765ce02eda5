package dev.pgorm.migrate.internal;

import java.util.List;

/**
 * A composite type ({@code CREATE TYPE ... AS}) and its attributes in order, each as its quoted
 * name and {@code format_type}.
 */
record CompositeType(String schema, String name, List<String> attributes) {
    String qname() {
        return SchemaModel.qualified(schema, name);
    }
}
