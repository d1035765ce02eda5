package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.domain.internal.DomainObject;
import dev.pgorm.ddl.extension.internal.ExtensionObject;
import dev.pgorm.ddl.trigger.internal.FunctionObject;
import dev.pgorm.ddl.view.internal.MaterializedViewObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.MappingException;
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
    private final Map<String, String> relations = new LinkedHashMap<>();
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
        if (tables.putIfAbsent(table.table(), table) == null) {
            claimRelation(
                    table.table().getSchema(),
                    // the name PostgreSQL stores: Hibernate quotes only names marked as quoted
                    table.table().isQuoted()
                            ? table.tableName()
                            : PgIdentifiers.normalize(table.tableName()),
                    "the table of entity " + table.describe());
        }
    }

    /**
     * Claims a relation name (table, index, partition, exclusion constraint) in a schema;
     * PostgreSQL keeps them in one namespace, and {@code IF NOT EXISTS} would silently skip the
     * second one.
     *
     * @throws MappingException naming both declarations
     */
    public void claimRelation(String schema, String name, String declaredBy) {
        String key = (schema == null ? "" : schema) + "." + name;
        String previous = relations.putIfAbsent(key, declaredBy);
        if (previous != null && !previous.equals(declaredBy)) {
            throw new MappingException(
                    "PG-ORM: "
                            + declaredBy
                            + " names a relation '"
                            + name
                            + "', but "
                            + previous
                            + " uses that name already; indexes, partitions, exclusion constraints and tables share one namespace per schema: choose another name"
                            + (declaredBy.contains("(from mapped superclass ")
                                    ? "; a name declared on a mapped superclass would be used by"
                                            + " every entity extending it: leave an index's name"
                                            + " empty (one name per table), or declare it on each"
                                            + " entity"
                                    : ""));
        }
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
        ExtensionObject existing = extensions.get(name);
        String wanted = schema == null ? "" : schema;
        if (existing == null || (existing.schema().isEmpty() && !wanted.isEmpty())) {
            ExtensionObject replacement = new ExtensionObject(name, wanted);
            if (existing != null) {
                existing.neededBy().forEach(replacement::neededBy);
            }
            extensions.put(name, replacement);
            existing = replacement;
        } else if (!wanted.isEmpty() && !wanted.equals(existing.schema())) {
            throw new MappingException(
                    "PG-ORM: extension "
                            + name
                            + " is declared in schema "
                            + wanted
                            + " by "
                            + neededBy
                            + " and in schema "
                            + existing.schema()
                            + " by "
                            + String.join(", ", existing.neededBy())
                            + "; an extension lives in one schema: declare the same one everywhere");
        }
        existing.neededBy(neededBy);
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
            throw new MappingException(
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
            throw new MappingException(
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
        List<Table> mapped = new ArrayList<>(tables.keySet());
        for (PgDdlObject object : objects.getOrDefault(DdlOrder.FUNCTIONS, List.of())) {
            if (object instanceof FunctionObject function) {
                function.droppableWithout(mapped);
            }
        }
        for (PgDdlObject object : objects.getOrDefault(DdlOrder.TYPES, List.of())) {
            if (object instanceof DomainObject domain) {
                domain.droppableWithout(mapped);
            }
        }
        for (ExtensionObject extension : extensions.values()) {
            database.addAuxiliaryDatabaseObject(extension);
        }
        objects.computeIfPresent(
                DdlOrder.VIEWS, (order, views) -> MaterializedViewObject.inDependencyOrder(views));
        for (DdlOrder order : DdlOrder.values()) {
            for (PgDdlObject object : objects.getOrDefault(order, List.of())) {
                database.addAuxiliaryDatabaseObject(object);
            }
        }
    }
}
