// Longer than 300 lines: one walk over Hibernate's mapping of an entity serves every bulk write
// (the columns, each row's values, the preparation before insert or update); split, the walks
// would drift apart.
package dev.pgorm.bulk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.TransientPropertyValueException;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.internal.ForeignKeys;
import org.hibernate.engine.internal.Versioning;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.generator.OnExecutionGenerator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * What a bulk insert of one entity class writes: the table, its insertable columns in order, and
 * how to get each row's JDBC values from an entity, through Hibernate's own mapping.
 */
final class BulkTable {

    private static final Pattern CAST =
            Pattern.compile(
                    "(?i)\\s*cast\\s*\\(\\s*\\?\\s+as\\s+[\\w.\" ]+(\\(\\s*\\d+\\s*\\))?\\s*\\)\\s*");

    /**
     * One column: its SQL name, its JDBC mapping, its write expression ({@code ?}, a
     * {@code @ColumnTransformer(write = ...)} or the SQL of a database-side generator) and whether
     * the expression takes the entity's value as a parameter.
     */
    record Column(String name, JdbcMapping mapping, String writeExpression, boolean bound) {

        /**
         * Whether COPY can write this column: a plain value, or one only cast to a type, as vector
         * columns are written ({@code cast(? as vector)}): COPY's input conversion to the column's
         * type does the same.
         */
        boolean plain() {
            return bound
                    && (writeExpression.equals("?") || CAST.matcher(writeExpression).matches());
        }
    }

    /** Receives a row's JDBC values, column by column. */
    interface RowConsumer {
        void value(int column, Object jdbcValue, JdbcMapping mapping);
    }

    final EntityPersister persister; // also read by upsert, update and delete

    private final String table;
    private final List<Column> columns = new ArrayList<>();
    private final List<AttributeMapping> attributes = new ArrayList<>();
    private final List<boolean[]> insertable = new ArrayList<>();
    private final List<Column> bound = new ArrayList<>();
    private final Generator generator;
    private final BulkIdentifiers identifiers;

    /** Whose in-memory generators {@link #prepare} runs: insert's, or update's. */
    private final EventType event;

    /** Whether {@link #prepare} seeds a null version (not for upsert, which seeds it in SQL). */
    private boolean seedVersions = true;

    BulkTable(EntityPersister persister) {
        this(persister, EventType.INSERT);
    }

    BulkTable(EntityPersister persister, EventType event) {
        this.persister = persister;
        this.event = event;
        Class<?> type = persister.getMappedClass();
        if (!(persister instanceof AbstractEntityPersister p) || p.getTableSpan() != 1) {
            throw new UnsupportedOperationException(
                    "PgBulk inserts entities mapped to one table; "
                            + type.getName()
                            + " spans several (secondary tables or JOINED inheritance)");
        }
        if (persister.isInherited() || persister.hasSubclasses()) {
            throw new UnsupportedOperationException(
                    "PgBulk does not insert entities of an inheritance hierarchy: "
                            + type.getName());
        }
        this.table = p.getTableName();
        this.generator = persister.getGenerator();
        // Database-assigned (IDENTITY, serial) ids are written too: reserved from the column's
        // sequence, since COPY cannot return what the database would assign.
        this.identifiers = new BulkIdentifiers(persister, generator, table);
        persister
                .getIdentifierMapping()
                .forEachSelectable(
                        (i, s) ->
                                add(
                                        new Column(
                                                s.getSelectionExpression(),
                                                s.getJdbcMapping(),
                                                s.getWriteExpression(),
                                                true)));
        Dialect dialect = persister.getFactory().getJdbcServices().getDialect();
        boolean[] propertyInsertable = persister.getPropertyInsertability();
        // An update also loads the columns only updates write (an update-time generator's).
        boolean update = event == EventType.UPDATE;
        boolean[] propertyUpdatable = persister.getPropertyUpdateability();
        for (int n = 0; n < persister.getNumberOfAttributeMappings(); n++) {
            AttributeMapping attribute = persister.getAttributeMapping(n);
            if (attribute instanceof PluralAttributeMapping) {
                continue;
            }
            Generator g = attribute.getGenerator();
            boolean[] flags = new boolean[attribute.getJdbcTypeCount()];
            if (g instanceof OnExecutionGenerator onExecution
                    && g.generatesOnInsert()
                    && g.generatedOnExecution()) {
                // As Hibernate's insert: the column is left out (its default applies) unless the
                // generator names SQL for it; "?" there means the entity's value.
                if (onExecution.referenceColumnsInSql(dialect, EventType.INSERT)) {
                    String[] values =
                            onExecution.getReferencedColumnValues(dialect, EventType.INSERT);
                    boolean[] inclusions =
                            onExecution.getColumnInclusions(dialect, EventType.INSERT);
                    boolean writeValue = onExecution.writePropertyValue(EventType.INSERT);
                    attribute.forEachSelectable(
                            (i, s) -> {
                                if (!s.isInsertable()
                                        || s.isFormula()
                                        || inclusions != null && !inclusions[i]) {
                                    return;
                                }
                                String value =
                                        values != null && values[i] != null ? values[i] : "?";
                                boolean param = value.equals("?") && (values != null || writeValue);
                                if (value.equals("?") && !param) {
                                    return;
                                }
                                flags[i] = param;
                                add(
                                        new Column(
                                                s.getSelectionExpression(),
                                                s.getJdbcMapping(),
                                                param ? s.getWriteExpression() : value,
                                                param));
                            });
                }
            } else if (propertyInsertable[n]
                    || update && propertyUpdatable[n]
                    || g != null
                            && (update ? g.generatesOnUpdate() : g.generatesOnInsert())
                            && !g.generatedOnExecution()) {
                attribute.forEachSelectable(
                        (i, s) -> {
                            if ((s.isInsertable() || update && s.isUpdateable())
                                    && !s.isFormula()) {
                                flags[i] = true;
                                add(
                                        new Column(
                                                s.getSelectionExpression(),
                                                s.getJdbcMapping(),
                                                s.getWriteExpression(),
                                                true));
                            }
                        });
            }
            attributes.add(attribute);
            insertable.add(flags);
        }
    }

    private void add(Column column) {
        columns.add(column);
        if (column.bound()) {
            bound.add(column);
        }
    }

    /**
     * Returns why COPY cannot write this entity's rows, or null when it can: COPY takes plain
     * values, so a column with SQL around its value ({@code @ColumnTransformer(write = ...)}) or
     * instead of it (a generator's SQL such as {@code current_timestamp}) needs an INSERT.
     */
    String copyRefusal() {
        for (Column c : columns) {
            if (!c.plain()) {
                return "column "
                        + c.name()
                        + " of "
                        + entityClass().getName()
                        + " is written as the SQL expression "
                        + c.writeExpression();
            }
        }
        return null;
    }

    String table() {
        return table;
    }

    /** Returns the columns of the statement, in order. */
    List<Column> columns() {
        return columns;
    }

    /**
     * Returns the columns that take a value from the entity, in the order {@link #row} gives them.
     */
    List<Column> boundColumns() {
        return bound;
    }

    /** Returns what gives the entities their identifiers. */
    BulkIdentifiers identifiers() {
        return identifiers;
    }

    Class<?> entityClass() {
        return persister.getMappedClass();
    }

    /**
     * Does what {@code persist} does to an entity before its insert, after the identifier: seeds
     * the version ({@code Versioning.seedVersion}), runs the in-memory generators of insert-time
     * values ({@code @TenantId}, {@code @CreationTimestamp}, {@code @CurrentTimestamp(source =
     * VM)}) and sets their values on the entity, and refuses a reference to a transient entity. For
     * an update, the generators of update-time values run instead ({@code @UpdateTimestamp},
     * {@code @CurrentTimestamp(source = VM)}), as Hibernate's update runs them.
     */
    void prepare(Object entity, SharedSessionContractImplementor session) {
        if (seedVersions && persister.isVersioned()) {
            int v = persister.getVersionPropertyIndex();
            Object version = persister.getValue(entity, v);
            if (Versioning.isNullInitialVersion(version)) {
                persister.setValue(
                        entity,
                        v,
                        persister
                                .getVersionGenerator()
                                .generate(session, entity, version, EventType.INSERT));
            }
        }
        boolean update = event == EventType.UPDATE;
        if (update
                ? persister.hasPreUpdateGeneratedProperties()
                : persister.hasPreInsertGeneratedProperties()) {
            Generator[] generators = persister.getGenerators();
            for (int i = 0; i < generators.length; i++) {
                Generator g = generators[i];
                if (g != null
                        && (update ? g.generatesOnUpdate() : g.generatesOnInsert())
                        && g.generatedBeforeExecution(entity, session)) {
                    Object current = persister.getValue(entity, i);
                    persister.setValue(
                            entity,
                            i,
                            ((BeforeExecutionGenerator) g)
                                    .generate(session, entity, current, event));
                }
            }
        }
        for (AttributeMapping attribute : attributes) {
            if (attribute instanceof ToOneAttributeMapping toOne) {
                Object target = attribute.getValue(entity);
                String targetName = toOne.getEntityMappingType().getEntityName();
                // FALSE: an entity whose id does not say "unsaved" is taken to exist (no query,
                // the foreign key checks it), as ForeignKeys does when it must not hit the
                // database.
                if (target != null
                        && ForeignKeys.isTransient(targetName, target, Boolean.FALSE, session)) {
                    throw new TransientPropertyValueException(
                            "PgBulk.insert: an entity of "
                                    + persister.getEntityName()
                                    + " references an unsaved transient instance of "
                                    + targetName
                                    + " in attribute "
                                    + attribute.getAttributeName()
                                    + " (persist it, or insert the "
                                    + targetName
                                    + " entities first)",
                            targetName,
                            persister.getEntityName(),
                            attribute.getAttributeName());
                }
            }
        }
    }

    /**
     * Leaves a null version null in the rows, for an upsert: such an entity updates the existing
     * row whatever its version, and the insert seeds it.
     */
    void keepNullVersions() {
        seedVersions = false;
    }

    /** Breaks an entity down into its row's JDBC values. */
    void row(Object entity, SharedSessionContractImplementor session, RowConsumer consumer) {
        int[] column = {0};
        Object id = persister.getIdentifier(entity, session);
        persister
                .getIdentifierMapping()
                .breakDownJdbcValues(
                        id,
                        0,
                        null,
                        null,
                        (index, x, y, value, selectable) ->
                                consumer.value(column[0]++, value, selectable.getJdbcMapping()),
                        session);
        for (int a = 0; a < attributes.size(); a++) {
            AttributeMapping attribute = attributes.get(a);
            boolean[] flags = insertable.get(a);
            int[] selectable = {0};
            attribute.breakDownJdbcValues(
                    attribute.getValue(entity),
                    0,
                    null,
                    null,
                    (index, x, y, value, mapping) -> {
                        if (flags[selectable[0]++]) {
                            consumer.value(column[0]++, value, mapping.getJdbcMapping());
                        }
                    },
                    session);
        }
    }
}
