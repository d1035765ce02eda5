package dev.pgorm.ddl.internal;

import dev.pgorm.ddl.spi.EntityAnnotations;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.MappingException;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;

/**
 * An entity and its table as Hibernate mapped them, with column lookups that accept attribute or
 * column names and boot errors that name the entity and the fix.
 */
public final class EntityTable {

    /** What may follow the type in a column definition. */
    private static final Pattern TYPE_SUFFIX =
            Pattern.compile(
                    "\\s(not\\s+null|null|default|primary\\s+key|unique|check|references|constraint"
                            + "|generated|collate)\\b");

    /**
     * Returns the annotations of a type declared on the entity class and on the {@code
     * MappedSuperclass}es it extends (a tenant base class declaring {@code @RowLevelSecurity}, for
     * example), nearest first. Annotations on an entity superclass are that entity's, not this
     * one's.
     */
    public <A extends Annotation> List<A> annotations(Class<A> type) {
        return EntityAnnotations.of(javaClass(), type);
    }

    /** Returns the nearest annotation of a type, as {@link #annotations}, or null. */
    public <A extends Annotation> A annotation(Class<A> type) {
        List<A> found = annotations(type);
        return found.isEmpty() ? null : found.get(0);
    }

    /** A type name: words, a size or precision, array brackets, a schema qualification. */
    private static final Pattern TYPE_NAME =
            Pattern.compile(
                    "[a-z_][a-z0-9_$]*(\\.[a-z_][a-z0-9_$]*)?(\\s+[a-z_][a-z0-9_]*)*"
                            + "(\\s*\\(\\s*\\d+(\\s*,\\s*\\d+)?\\s*\\))?(\\s+[a-z_][a-z0-9_]*)*(\\s*\\[\\d*\\])*");

    private final PersistentClass entity;
    private final Table table;
    private final InFlightMetadataCollector metadata;
    private final Dialect dialect;

    public EntityTable(PersistentClass entity, InFlightMetadataCollector metadata) {
        this.entity = entity;
        this.table = entity.getTable();
        this.metadata = metadata;
        this.dialect = metadata.getDatabase().getDialect();
    }

    public PersistentClass entity() {
        return entity;
    }

    public Class<?> javaClass() {
        return entity.getMappedClass();
    }

    public Table table() {
        return table;
    }

    public InFlightMetadataCollector metadata() {
        return metadata;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Returns the entity's name for messages, for example {@code Document (com.acme.Document)}. */
    public String describe() {
        return entity.getJpaEntityName() + " (" + entity.getClassName() + ")";
    }

    /** Returns the table's name as PostgreSQL stores it. */
    public String tableName() {
        return table.getName();
    }

    /**
     * Resolves a reference by attribute name (first) or by column name to the column.
     *
     * @param reference the name as written in the annotation
     * @param annotation the annotation, for the message, for example {@code @PgIndex(name = "x")}
     * @return the column
     * @throws MappingException naming the entity, the unknown name and the known columns
     */
    public Column column(String reference, String annotation) {
        String ref = reference == null ? "" : reference.trim();
        if (entity.hasProperty(ref) || hasIdentifierProperty(ref)) {
            Property property =
                    hasIdentifierProperty(ref)
                            ? entity.getIdentifierProperty()
                            : entity.getProperty(ref);
            List<Column> columns = property.getColumns();
            if (columns.size() == 1) {
                return columns.get(0);
            }
            throw fail(
                    annotation,
                    "attribute '"
                            + ref
                            + "' maps to "
                            + columns.size()
                            + " columns; name one of its columns instead: "
                            + names(columns));
        }
        for (Column column : table.getColumns()) {
            if (column.getName().equals(ref)
                    || (!column.isQuoted() && column.getName().equalsIgnoreCase(ref))) {
                return column;
            }
        }
        throw fail(
                annotation,
                "unknown attribute or column '"
                        + ref
                        + "'; the columns of table "
                        + tableName()
                        + " are "
                        + names(new ArrayList<>(table.getColumns())));
    }

    private boolean hasIdentifierProperty(String ref) {
        return entity.getIdentifierProperty() != null
                && entity.getIdentifierProperty().getName().equals(ref);
    }

    /** Returns the column's name as it appears in SQL, quoted when Hibernate quotes it. */
    public String sql(Column column) {
        return column.getQuotedName(dialect);
    }

    /**
     * Returns the column's SQL type as Hibernate creates it, lower-cased, for example {@code
     * vector(3)}.
     */
    public String sqlType(Column column) {
        return column.getSqlType(metadata).toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the column's type as it can be written in a cast: its SQL type without what a {@code
     * columnDefinition} may add after it ({@code not null}, {@code default ...}, constraints).
     *
     * @param annotation the annotation that needs the cast, for the message
     * @throws MappingException when no plain type name is left
     */
    public String castType(Column column, String annotation) {
        String type = sqlType(column);
        Matcher rest = TYPE_SUFFIX.matcher(type);
        if (rest.find()) {
            type = type.substring(0, rest.start()).trim();
        }
        if (!TYPE_NAME.matcher(type).matches()) {
            throw fail(
                    annotation,
                    "cannot tell the type of column "
                            + column.getName()
                            + " from \""
                            + sqlType(column)
                            + "\"; write the predicate with using/withCheck instead");
        }
        return type;
    }

    /** Returns the names of the primary key columns, as stored. */
    public List<String> primaryKeyColumns() {
        List<String> names = new ArrayList<>();
        if (table.getPrimaryKey() != null) {
            for (Column c : table.getPrimaryKey().getColumns()) {
                names.add(c.getName());
            }
        }
        return names;
    }

    /**
     * Returns a boot error for an annotation on this entity.
     *
     * @param annotation the annotation as the user wrote it, roughly
     * @param problemAndFix what is wrong and what to change
     */
    public MappingException fail(String annotation, String problemAndFix) {
        return new MappingException(
                "PG-ORM: " + annotation + " on entity " + describe() + ": " + problemAndFix);
    }

    private static String names(List<? extends Selectable> columns) {
        List<String> names = new ArrayList<>();
        for (Selectable s : columns) {
            names.add(s.getText());
        }
        return String.join(", ", names);
    }
}
