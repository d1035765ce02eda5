package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.UserDefinedObjectType;
import org.hibernate.mapping.UserDefinedType;

/**
 * Keeps {@code @Struct} composite types, and the values stored in them, through {@code update}.
 *
 * <p>Why: Hibernate's migrator drops and re-creates every user-defined type on each {@code update}
 * ({@code drop type if exists ...}, then {@code create type ...}). On PostgreSQL the drop fails as
 * soon as a column uses the type, so {@code update} fails with {@code halt_on_error} and otherwise
 * leaves a changed type unchanged. PG-ORM compares each mapped composite type with the catalog
 * before the migration and rewrites Hibernate's two statements for a type that exists: nothing when
 * it is equal, {@code ALTER TYPE ... ADD ATTRIBUTE} when the mapping only appends attributes
 * (stored values read the new ones as null), and a refusal for anything else (an attribute removed,
 * renamed, reordered or retyped), which would change or lose the values in every column of the
 * type. A type that does not exist is created by Hibernate's own statement.
 */
final class CompositeTypeUpdate {

    /** The rewrites of the migration running on this thread, by {@link #key(String)}. */
    private static final ThreadLocal<Map<String, String>> REWRITES = new ThreadLocal<>();

    private static final String ATTRIBUTES =
            """
            select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)
            from pg_catalog.pg_type t
            join pg_catalog.pg_attribute a on a.attrelid = t.typrelid
            where t.oid = pg_catalog.to_regtype(?) and t.typtype = 'c'
              and a.attnum > 0 and not a.attisdropped
            order by a.attnum
            """;

    private static final String TYPE_KIND =
            """
            select t.typtype::text from pg_catalog.pg_type t where t.oid = pg_catalog.to_regtype(?)
            """;

    /** An attribute as the catalog spells it: {@code format_type}'s type text. */
    record Attribute(String name, String type) {
        @Override
        public String toString() {
            return name + " " + type;
        }
    }

    /** One mapped composite type compared with the database. */
    record Comparison(
            UserDefinedObjectType type,
            String name,
            List<Attribute> wanted,
            List<Attribute> existing,
            boolean exists,
            String otherKind) {

        /** Returns whether the database's type is what the mapping wants. */
        boolean equal() {
            return exists && wanted.equals(existing);
        }

        /** Returns the attributes to append, or null when appending is not enough. */
        List<Attribute> appended() {
            if (!exists || existing.size() > wanted.size()) {
                return null;
            }
            return wanted.subList(0, existing.size()).equals(existing)
                    ? wanted.subList(existing.size(), wanted.size())
                    : null;
        }

        /** Says what is different, for validation and refusals. */
        String difference() {
            if (otherKind != null) {
                return "type "
                        + name
                        + " exists but is not a composite type (typtype '"
                        + otherKind
                        + "')";
            }
            if (!exists) {
                return "composite type " + name + " (" + list(wanted) + ") is missing";
            }
            return "composite type "
                    + name
                    + " is ("
                    + list(existing)
                    + ") in the database, the mapping wants ("
                    + list(wanted)
                    + ")";
        }

        private static String list(List<Attribute> attributes) {
            List<String> parts = new ArrayList<>();
            attributes.forEach(a -> parts.add(a.toString()));
            return String.join(", ", parts);
        }
    }

    private CompositeTypeUpdate() {}

    /**
     * Compares every mapped composite type with the catalog, reading the mapping's attribute types
     * as PostgreSQL spells them (through a temporary type of the same attributes, dropped at once).
     */
    static List<Comparison> compare(
            Metadata metadata, SqlStringGenerationContext context, Connection connection)
            throws SQLException {
        Dialect dialect = metadata.getDatabase().getDialect();
        PgCatalog catalog = PgCatalog.on(connection);
        List<Comparison> comparisons = new ArrayList<>();
        int probe = 0;
        for (UserDefinedObjectType type : objectTypes(metadata)) {
            String name = type.getQualifiedName(context);
            List<String> columns = new ArrayList<>();
            for (Column column : type.getColumns()) {
                columns.add(column.getQuotedName(dialect) + " " + column.getSqlType(metadata));
            }
            String kind = catalog.optional(TYPE_KIND, row -> row.getString(1), name).orElse(null);
            List<Attribute> wanted = new ArrayList<>();
            if ("c".equals(kind)) {
                // A name of our own in pg_temp: nothing the user declared is touched. Only for a
                // type that exists: a new one may use types not created yet (Hibernate's create
                // makes them in order).
                String probeName = "pg_temp.pgorm_struct_probe_" + probe++;
                catalog.execute(
                        "create type " + probeName + " as (" + String.join(", ", columns) + ")");
                wanted = catalog.list(ATTRIBUTES, CompositeTypeUpdate::row, probeName);
                catalog.execute("drop type " + probeName);
            } else {
                for (Column column : type.getColumns()) {
                    wanted.add(new Attribute(column.getName(), column.getSqlType(metadata)));
                }
            }
            List<Attribute> existing =
                    "c".equals(kind)
                            ? catalog.list(ATTRIBUTES, CompositeTypeUpdate::row, name)
                            : List.of();
            comparisons.add(
                    new Comparison(
                            type,
                            name,
                            wanted,
                            existing,
                            "c".equals(kind),
                            kind == null || "c".equals(kind) ? null : kind));
        }
        return comparisons;
    }

    private static Attribute row(ResultSet row) throws SQLException {
        return new Attribute(row.getString(1), row.getString(2));
    }

    /**
     * Returns the rewrites of Hibernate's statements for the types that exist, or throws {@link
     * IllegalStateException} listing the changes {@code update} does not make.
     */
    static Map<String, String> rewrites(
            Metadata metadata, SqlStringGenerationContext context, List<Comparison> comparisons) {
        Dialect dialect = metadata.getDatabase().getDialect();
        Map<String, String> rewrites = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (Comparison c : comparisons) {
            UserDefinedObjectType type = c.type();
            if (!c.exists() && c.otherKind() == null) {
                continue; // Hibernate's create makes it
            }
            List<Attribute> appended = c.appended();
            if (appended == null) {
                refused.add(c.difference());
                continue;
            }
            String replacement;
            if (appended.isEmpty()) {
                replacement = "-- PG-ORM: composite type " + c.name() + " is unchanged";
            } else {
                List<String> adds = new ArrayList<>();
                appended.forEach(
                        a ->
                                adds.add(
                                        "add attribute "
                                                + PgIdentifiers.render(a.name())
                                                + " "
                                                + a.type()));
                replacement = "alter type " + c.name() + " " + String.join(", ", adds);
            }
            for (String drop :
                    dialect.getUserDefinedTypeExporter()
                            .getSqlDropStrings(type, metadata, context)) {
                rewrites.put(key(drop), "-- PG-ORM: composite type " + c.name() + " is kept");
            }
            String[] creates =
                    dialect.getUserDefinedTypeExporter()
                            .getSqlCreateStrings(type, metadata, context);
            for (int k = 0; k < creates.length; k++) {
                rewrites.put(key(creates[k]), k == 0 ? replacement : "-- PG-ORM: see above");
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException(
                    "PG-ORM: update does not change composite types except by appending attributes"
                            + " (ALTER TYPE ... ADD ATTRIBUTE): "
                            + String.join("; ", refused)
                            + ". Removing, renaming, reordering or retyping an attribute changes the"
                            + " values stored in every column of the type: write a migration for it,"
                            + " or keep the database's order with @Struct(attributes = {...}) and new"
                            + " attributes last");
        }
        return rewrites;
    }

    /** Runs {@code migration} with {@code rewrites} applied to the statements of this thread. */
    static <T> T during(Map<String, String> rewrites, Supplier<T> migration) {
        REWRITES.set(rewrites);
        try {
            return migration.get();
        } finally {
            REWRITES.remove();
        }
    }

    /**
     * Returns the statement to run instead of {@code sql}: itself unless a migration rewrites it.
     */
    static String rewrite(String sql) {
        Map<String, String> rewrites = REWRITES.get();
        if (rewrites == null || rewrites.isEmpty()) {
            return sql;
        }
        return rewrites.getOrDefault(key(sql), sql);
    }

    /**
     * Statements compare without whitespace or case, so Hibernate's DDL formatting does not matter.
     */
    private static String key(String sql) {
        return sql.replaceAll("\\s+", "").replace(";", "").toLowerCase(Locale.ROOT);
    }

    /** Returns whether the mapping has composite types at all (most have none: no catalog read). */
    static boolean any(Metadata metadata) {
        return !objectTypes(metadata).isEmpty();
    }

    private static List<UserDefinedObjectType> objectTypes(Metadata metadata) {
        List<UserDefinedObjectType> types = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (UserDefinedType type : namespace.getDependencyOrderedUserDefinedTypes()) {
                if (type instanceof UserDefinedObjectType object) {
                    types.add(object);
                }
            }
        }
        return types;
    }
}
