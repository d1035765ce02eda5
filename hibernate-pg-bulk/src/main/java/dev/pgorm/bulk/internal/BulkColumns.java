package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgConflict;
import dev.pgorm.core.internal.PgIdentifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.dialect.Dialect;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.generator.OnExecutionGenerator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The column sets of upserts and updates: the identifier's, the version's, the conflict target's,
 * and those an update may set (mapped, updatable, written by the bulk load).
 */
final class BulkColumns {

    private final BulkTable table;
    private final List<String> ids = new ArrayList<>();
    private final Set<String> updatable = new LinkedHashSet<>();
    private final String version;

    /** The {@code @TenantId} column, or null: never set by an update, as Hibernate never does. */
    private final String tenant;

    /** The SQL the database generates a column's value with on update, by column. */
    private final Map<String, String> updateSql = new LinkedHashMap<>();

    BulkColumns(BulkTable table, String operation) {
        this.table = table;
        EntityPersister persister = table.persister;
        Dialect dialect = persister.getFactory().getJdbcServices().getDialect();
        persister
                .getIdentifierMapping()
                .forEachSelectable((i, s) -> ids.add(s.getSelectionExpression()));
        boolean[] flags = persister.getPropertyUpdateability();
        for (int n = 0; n < persister.getNumberOfAttributeMappings(); n++) {
            AttributeMapping attribute = persister.getAttributeMapping(n);
            if (attribute instanceof PluralAttributeMapping) {
                continue;
            }
            generated(attribute, dialect);
            if (flags[n]) {
                attribute.forEachSelectable(
                        (i, s) -> {
                            if (s.isUpdateable() && !s.isFormula()) {
                                updatable.add(s.getSelectionExpression());
                            }
                        });
            }
        }
        this.tenant = TenantRestriction.columnName(persister);
        if (persister.isVersioned()) {
            Class<?> type = persister.getVersionMapping().getJavaType().getJavaTypeClass();
            if (type != Integer.class
                    && type != Long.class
                    && type != Short.class
                    && type != int.class
                    && type != long.class
                    && type != short.class) {
                throw new UnsupportedOperationException(
                        operation
                                + " increments numeric @Version attributes only; "
                                + table.entityClass().getName()
                                + " has a version of type "
                                + type.getName());
            }
            this.version = persister.getVersionMapping().getSelectionExpression();
        } else {
            this.version = null;
        }
    }

    /**
     * Notes the columns of an attribute whose generator writes them with SQL on update
     * ({@code @CurrentTimestamp(source = DB)}: {@code current_timestamp}). Columns only inserts
     * generate ({@code @CreationTimestamp}) need nothing here: Hibernate maps them as not
     * updatable.
     */
    private void generated(AttributeMapping attribute, Dialect dialect) {
        Generator g = attribute.getGenerator();
        if (g == null) {
            return;
        }
        if (g.generatesOnUpdate()
                && g.generatedOnExecution()
                && g instanceof OnExecutionGenerator onExecution
                && onExecution.referenceColumnsInSql(dialect, EventType.UPDATE)) {
            String[] values = onExecution.getReferencedColumnValues(dialect, EventType.UPDATE);
            attribute.forEachSelectable(
                    (i, s) -> {
                        if (values != null && values[i] != null && !values[i].equals("?")) {
                            updateSql.put(s.getSelectionExpression(), values[i]);
                        }
                    });
        }
    }

    /**
     * The value an update sets a column to: the generator's SQL for a column the database generates
     * on update, otherwise the row's value, {@code <source>.<column>}.
     */
    String updateValue(String column, String source) {
        String sql = updateSql.get(column);
        return sql != null ? sql : source + "." + column;
    }

    /** The columns the database generates on update, which an update sets with their SQL. */
    Set<String> updateGenerated() {
        return updateSql.keySet();
    }

    /** The identifier's columns. */
    List<String> ids() {
        return ids;
    }

    /** The version column, or null when the entity has no {@code @Version}. */
    String version() {
        return version;
    }

    /**
     * The columns an update loads but does not set: neither identifier, version nor {@link
     * #settable} (an insert-only column, the tenant's); their values may be null.
     */
    Set<String> notSet() {
        Set<String> set = new LinkedHashSet<>();
        List<String> settable = settable(List.of());
        for (BulkTable.Column c : table.columns()) {
            String name = c.name();
            if (!ids.contains(name) && !name.equals(version) && !settable.contains(name)) {
                set.add(name);
            }
        }
        return set;
    }

    /**
     * The columns an update sets from the entities: written by the load, updatable, and neither
     * identifier, version nor one of {@code keep}.
     */
    List<String> settable(Collection<String> keep) {
        List<String> set = new ArrayList<>();
        for (BulkTable.Column c : table.columns()) {
            String name = c.name();
            if (updatable.contains(name)
                    && !ids.contains(name)
                    && !name.equals(version)
                    && !name.equals(tenant)
                    && !keep.contains(name)) {
                set.add(name);
            }
        }
        // a column the database generates on update is set even when the load does not write it
        for (String name : updateSql.keySet()) {
            if (!set.contains(name) && !keep.contains(name)) {
                set.add(name);
            }
        }
        return set;
    }

    /**
     * Resolves the columns of a conflict target: the identifier's, or each name as an attribute
     * (all its columns) or else as a written column; empty for a constraint.
     */
    List<String> conflictColumns(PgConflict conflict) {
        if (conflict.constraint() != null) {
            return List.of();
        }
        if (conflict.columns().isEmpty()) {
            return ids;
        }
        List<String> result = new ArrayList<>();
        EntityPersister persister = table.persister;
        for (String name : conflict.columns()) {
            AttributeMapping attribute = persister.findAttributeMapping(name);
            if (attribute != null && !(attribute instanceof PluralAttributeMapping)) {
                attribute.forEachSelectable((i, s) -> result.add(s.getSelectionExpression()));
                continue;
            }
            String column = column(name);
            if (column == null) {
                throw new IllegalArgumentException(
                        "PgConflict.onColumns(\""
                                + name
                                + "\"): "
                                + table.entityClass().getName()
                                + " has no attribute or written column of that name; its columns"
                                + " are "
                                + BulkInserter.columnList(table));
            }
            result.add(column);
        }
        for (String c : result) {
            if (column(c) == null) {
                throw new IllegalArgumentException(
                        "PgConflict.onColumns: column "
                                + c
                                + " of "
                                + table.entityClass().getName()
                                + " is not written by PgBulk (generated or not insertable), so it"
                                + " cannot be a conflict target");
            }
        }
        return result;
    }

    /** The written column whose name is {@code name} as PostgreSQL stores both, or null. */
    private String column(String name) {
        String wanted = PgIdentifiers.normalize(name);
        for (BulkTable.Column c : table.columns()) {
            if (PgIdentifiers.normalize(c.name()).equals(wanted)) {
                return c.name();
            }
        }
        return null;
    }
}
