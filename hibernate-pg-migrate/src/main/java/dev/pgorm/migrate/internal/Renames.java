package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.RenamedFrom;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The renames that {@link RenamedFrom} declares, resolved to table and column names through
 * Hibernate's mapping model.
 *
 * @param tables the desired table's qualified name to its former (unqualified) name
 * @param columns the desired table's qualified name to its columns' new name to former name
 */
record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns) {

    static Renames none() {
        return new Renames(Map.of(), Map.of());
    }

    /** Reads the annotations of every entity the factory maps. */
    static Renames of(SessionFactoryImplementor factory) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        factory.getMappingMetamodel()
                .forEachEntityDescriptor(
                        p -> {
                            Class<?> entity = p.getMappedClass();
                            String table = table(p);
                            RenamedFrom renamed = entity.getAnnotation(RenamedFrom.class);
                            if (renamed != null) {
                                tables.put(
                                        table,
                                        PgIdentifiers.requireValid(
                                                renamed.value(),
                                                "@RenamedFrom on " + entity.getName()));
                            }
                            for (Class<?> c = entity;
                                    c != null && c != Object.class;
                                    c = c.getSuperclass()) {
                                for (Field f : c.getDeclaredFields()) {
                                    RenamedFrom column = f.getAnnotation(RenamedFrom.class);
                                    if (column != null) {
                                        columns.computeIfAbsent(table, k -> new LinkedHashMap<>())
                                                .put(
                                                        column(p, f),
                                                        PgIdentifiers.requireValid(
                                                                column.value(),
                                                                "@RenamedFrom on "
                                                                        + entity.getName()
                                                                        + "."
                                                                        + f.getName()));
                                    }
                                }
                            }
                        });
        return new Renames(tables, columns);
    }

    private static String table(EntityPersister p) {
        List<String> parts =
                PgIdentifiers.normalizeQualified(p.getIdentifierTableDetails().getTableName());
        return parts.size() == 1
                ? SchemaModel.qualified("public", parts.get(0))
                : SchemaModel.qualified(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    }

    private static String column(EntityPersister p, Field f) {
        AttributeMapping attribute = p.findAttributeMapping(f.getName());
        if (attribute instanceof BasicValuedModelPart basic) {
            return PgIdentifiers.normalize(basic.getSelectionExpression());
        }
        throw new PgMigrationException(
                "@RenamedFrom on "
                        + p.getMappedClass().getName()
                        + "."
                        + f.getName()
                        + ": only basic attributes (one column) can be renamed yet");
    }
}
