package dev.pgorm.migrate.internal;

import java.util.List;

/** An enum type and its labels in sort order. */
record EnumType(String schema, String name, List<String> labels) {
    String qname() {
        return SchemaModel.qualified(schema, name);
    }
}
