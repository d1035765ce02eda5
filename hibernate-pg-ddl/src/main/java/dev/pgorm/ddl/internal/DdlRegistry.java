package dev.pgorm.ddl.internal;

import dev.pgorm.ddl.extension.internal.ExtensionObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.mapping.Table;

/**
 * Collects what the binders declare for all entities, merges extensions that several entities need,
 * and registers everything with Hibernate's {@link Database} in {@link DdlOrder}.
 */
public final class DdlRegistry {

    private final Map<DdlOrder, List<PgDdlObject>> objects = new EnumMap<>(DdlOrder.class);
    private final Map<String, ExtensionObject> extensions = new LinkedHashMap<>();
    private final Map<String, String> exportIds = new LinkedHashMap<>();
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Map<Table, EntityTable> tables = new LinkedHashMap<>();
    private final boolean indexConcurrently;

    public DdlRegistry(boolean indexConcurrently) {
        this.indexConcurrently = indexConcurrently;
    }

    /** Returns whether indexes are to be built with {@code CONCURRENTLY}. */
    public boolean indexConcurrently() {
        return indexConcurrently;
    }

    /** Remembers an entity's table, so binders can find the entity behind another table. */
    public void addTable(EntityTable table) {
        tables.putIfAbsent(table.table(), table);
    }

    /** Returns the entity mapped to the given Java class, or null. */
    public EntityTable entityFor(Class<?> javaClass) {
        for (EntityTable t : tables.values()) {
            if (t.javaClass() == javaClass) {
                return t;
            }
        }
        return null;
    }

    /**
     * Records that an extension is needed.
     *
     * @param name the extension
     * @param schema the schema to install it in, or empty
     * @param neededBy why, for messages, for example {@code entity Document (column embedding is
     *     vector(3))}
     */
    public void needExtension(String name, String schema, String neededBy) {
        extensions.computeIfAbsent(name, n -> new ExtensionObject(n, schema)).neededBy(neededBy);
    }

    /**
     * Adds an object; fails when another object already has the same identifier.
     *
     * @param order where it goes
     * @param object the object
     */
    public void add(DdlOrder order, PgDdlObject object) {
        String previous = exportIds.putIfAbsent(object.getExportIdentifier(), object.declaredBy());
        if (previous != null) {
            throw new org.hibernate.MappingException(
                    "PG-ORM: "
                            + object.declaredBy()
                            + " declares "
                            + object.getExportIdentifier()
                            + ", which "
                            + previous
                            + " declares already: give one of them another name");
        }
        objects.computeIfAbsent(order, o -> new ArrayList<>()).add(object);
    }

    /**
     * Adds an object that several entities may declare identically (a shared function): the same
     * identifier with the same definition is added once, a different definition fails.
     */
    public void addOnce(DdlOrder order, PgDdlObject object, String definition) {
        String key = object.getExportIdentifier();
        String previous = definitions.putIfAbsent(key, definition);
        if (previous == null) {
            add(order, object);
        } else if (!previous.equals(definition)) {
            throw new org.hibernate.MappingException(
                    "PG-ORM: "
                            + object.declaredBy()
                            + " declares "
                            + key
                            + " differently from "
                            + exportIds.get(key)
                            + ": declare it once, or give one of them another name");
        }
    }

    /** Registers everything with Hibernate, extensions first. */
    public void registerWith(Database database) {
        for (ExtensionObject extension : extensions.values()) {
            database.addAuxiliaryDatabaseObject(extension);
        }
        for (DdlOrder order : DdlOrder.values()) {
            for (PgDdlObject object : objects.getOrDefault(order, List.of())) {
                database.addAuxiliaryDatabaseObject(object);
            }
        }
    }
}
