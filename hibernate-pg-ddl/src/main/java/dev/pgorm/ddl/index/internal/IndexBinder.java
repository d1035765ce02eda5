package dev.pgorm.ddl.index.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.extension.internal.ExtensionBinder;
import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.internal.SqlText;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.spi.EntityAnnotations;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.mapping.Column;

/** Checks each {@link PgIndex} of an entity and turns it into an {@link IndexObject}. */
public final class IndexBinder {

    private static final Pattern OPCLASS =
            Pattern.compile(
                    "[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?(\\s*\\(\\s*[a-z_][a-z0-9_]*\\s*=\\s*[A-Za-z0-9_.]+\\s*\\))?");
    private static final Set<IndexMethod> INCLUDE_METHODS =
            EnumSet.of(IndexMethod.BTREE, IndexMethod.GIST, IndexMethod.SPGIST);

    private IndexBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        for (PgIndex index : entity.annotations(PgIndex.class)) {
            registry.add(DdlOrder.INDEXES, index(entity, index, registry));
        }
    }

    static IndexObject index(EntityTable entity, PgIndex index, DdlRegistry registry) {
        String label =
                "@PgIndex("
                        + (index.name().isEmpty()
                                ? String.join(", ", index.columns())
                                : "name = \"" + index.name() + "\"")
                        + ")";
        boolean hasColumns = index.columns().length > 0;
        boolean hasExpression = !index.expression().isBlank();
        if (hasColumns == hasExpression) {
            throw entity.fail(label, "give either columns or expression (exactly one of them)");
        }
        if ((index.name() + index.expression() + index.where()).contains("$pgorm")) {
            throw entity.fail(
                    label,
                    "name, expression and where must not contain $pgorm, which PG-ORM uses to quote"
                            + " generated blocks");
        }
        IndexMethod method = index.method();
        String[] opclasses = index.opclass();
        int elementCount = hasColumns ? index.columns().length : 1;
        if (opclasses.length > 1 && opclasses.length != elementCount) {
            throw entity.fail(
                    label,
                    "has "
                            + opclasses.length
                            + " operator classes for "
                            + elementCount
                            + " columns; give one per column (\"\" for the default) or a single one");
        }
        if (opclasses.length == 1 && elementCount > 1) {
            throw entity.fail(
                    label,
                    "one operator class for "
                            + elementCount
                            + " columns is ambiguous; give one per column (\"\" for the default)");
        }
        if (index.unique() && method != IndexMethod.BTREE) {
            throw entity.fail(
                    label,
                    "PostgreSQL supports unique indexes only with method BTREE, not " + method);
        }
        if (index.nullsNotDistinct() && !index.unique()) {
            throw entity.fail(label, "nullsNotDistinct needs unique = true");
        }
        if (index.nullsNotDistinct() && entity.dialect().getVersion().isBefore(15)) {
            // Otherwise the server answers with a bare syntax error in the middle of the export.
            throw entity.fail(
                    label,
                    "PostgreSQL before 15 has no NULLS NOT DISTINCT (the dialect says "
                            + entity.dialect().getVersion()
                            + "): drop nullsNotDistinct and make the columns not null, or use"
                            + " PostgreSQL 15");
        }
        if (index.include().length > 0 && !INCLUDE_METHODS.contains(method)) {
            throw entity.fail(
                    label,
                    "include (covering columns) works with BTREE, GIST and SPGIST, not " + method);
        }

        List<String> elements = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < elementCount; i++) {
            String opclass = opclasses.length == 0 ? "" : opclasses[i].trim();
            if (!opclass.isEmpty()) {
                if (!OPCLASS.matcher(opclass).matches()) {
                    throw entity.fail(label, "'" + opclass + "' is not an operator class name");
                }
                String ext = ExtensionBinder.extensionForOpclass(opclass);
                if (ext != null) {
                    registry.needExtension(
                            ext,
                            "",
                            label
                                    + " on entity "
                                    + entity.describe()
                                    + " (operator class "
                                    + opclass
                                    + ")");
                }
            }
            String element;
            if (hasColumns) {
                Column column = entity.column(index.columns()[i], label);
                checkVectorMethod(entity, label, method, column);
                element = entity.sql(column);
                names.add(column.getName());
            } else {
                element = "(" + index.expression().trim() + ")";
                names.add("expr");
            }
            elements.add(opclass.isEmpty() ? element : element + " " + opclass);
        }
        if (method.extension() != null) {
            registry.needExtension(
                    method.extension(),
                    "",
                    label
                            + " on entity "
                            + entity.describe()
                            + " (index method "
                            + method.sql()
                            + ")");
        }
        List<String> include = new ArrayList<>();
        for (String inc : index.include()) {
            include.add(entity.sql(entity.column(inc, label)));
        }
        String with = "";
        if (!index.with().isBlank()) {
            try {
                with = SqlText.storageParameters(index.with(), "with");
            } catch (IllegalArgumentException e) {
                throw entity.fail(label, e.getMessage());
            }
        }
        String name =
                index.name().isBlank()
                        ? defaultName(entity.tableName(), names, method)
                        : index.name();
        try {
            PgIdentifiers.requireValid(name, "index name");
        } catch (IllegalArgumentException e) {
            throw entity.fail(label, e.getMessage());
        }
        registry.claimRelation(
                entity.table().getSchema(),
                name,
                label
                        + " on entity "
                        + entity.describe()
                        + EntityAnnotations.origin(entity.javaClass(), index));
        return new IndexObject(
                name,
                entity.table(),
                index.unique(),
                // PostgreSQL cannot build an index on a partitioned table concurrently.
                registry.indexConcurrently()
                        && !entity.javaClass().isAnnotationPresent(Partitioned.class),
                method.sql(),
                elements,
                include,
                index.nullsNotDistinct(),
                with,
                index.where().trim(),
                label + " on entity " + entity.describe());
    }

    private static void checkVectorMethod(
            EntityTable entity, String label, IndexMethod method, Column column) {
        if (method != IndexMethod.HNSW && method != IndexMethod.IVFFLAT) {
            return;
        }
        String type = entity.sqlType(column);
        if (!(type.startsWith("vector")
                || type.startsWith("halfvec")
                || type.startsWith("sparsevec")
                || type.startsWith("bit"))) {
            throw entity.fail(
                    label,
                    method
                            + " indexes need a vector, halfvec, sparsevec or bit column, but column "
                            + column.getName()
                            + " is "
                            + type
                            + "; map it with @JdbcTypeCode(SqlTypes.VECTOR) or choose another method");
        }
    }

    /** Returns {@code <table>_<columns>_<method>_idx}, shortened with a hash when over 63 bytes. */
    static String defaultName(String table, List<String> columns, IndexMethod method) {
        return PgIdentifiers.fit(
                table + "_" + String.join("_", columns) + "_" + method.sql() + "_idx");
    }
}
