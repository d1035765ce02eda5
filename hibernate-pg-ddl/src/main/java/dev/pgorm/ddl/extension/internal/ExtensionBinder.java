package dev.pgorm.ddl.extension.internal;

import dev.pgorm.ddl.extension.PgExtension;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import org.hibernate.MappingException;
import org.hibernate.mapping.Column;

/** Reads {@link PgExtension} and detects the extensions that column types imply. */
public final class ExtensionBinder {

    private ExtensionBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        Class<?> type = entity.javaClass();
        for (PgExtension ext : type.getAnnotationsByType(PgExtension.class)) {
            try {
                registry.needExtension(
                        ext.value(), ext.schema(), "@PgExtension on entity " + entity.describe());
            } catch (IllegalArgumentException e) {
                throw entity.fail("@PgExtension(\"" + ext.value() + "\")", e.getMessage());
            }
        }
        Package pkg = type.getPackage();
        if (pkg != null) {
            for (PgExtension ext : pkg.getAnnotationsByType(PgExtension.class)) {
                try {
                    registry.needExtension(
                            ext.value(), ext.schema(), "@PgExtension on package " + pkg.getName());
                } catch (IllegalArgumentException e) {
                    throw new MappingException(
                            "PG-ORM: @PgExtension(\""
                                    + ext.value()
                                    + "\") on package "
                                    + pkg.getName()
                                    + ": "
                                    + e.getMessage());
                }
            }
        }
        for (Column column : entity.table().getColumns()) {
            String sqlType = entity.sqlType(column);
            String extension = extensionForType(sqlType);
            if (extension != null) {
                registry.needExtension(
                        extension,
                        "",
                        "entity "
                                + entity.describe()
                                + " (column "
                                + column.getName()
                                + " is "
                                + sqlType
                                + ")");
            }
        }
    }

    /** Returns the extension that provides a column type, or null for built-in types. */
    public static String extensionForType(String sqlType) {
        String base = sqlType.replaceAll("[\\s(\\[].*$", "");
        switch (base) {
            case "vector":
            case "halfvec":
            case "sparsevec":
                return "vector";
            case "geometry":
            case "geography":
                return "postgis";
            case "hstore":
                return "hstore";
            case "citext":
                return "citext";
            case "ltree":
            case "lquery":
            case "ltxtquery":
                return "ltree";
            default:
                return null;
        }
    }

    /** Returns the extension that provides an operator class, or null. */
    public static String extensionForOpclass(String opclass) {
        String base = opclass.replaceAll("\\(.*$", "").trim();
        if (base.equals("gin_trgm_ops") || base.equals("gist_trgm_ops")) {
            return "pg_trgm";
        }
        if (base.startsWith("vector_")
                || base.startsWith("halfvec_")
                || base.startsWith("sparsevec_")
                || base.startsWith("bit_hamming")
                || base.startsWith("bit_jaccard")) {
            return "vector";
        }
        if (base.startsWith("gist_geometry")
                || base.startsWith("gist_geography")
                || base.startsWith("spgist_geometry")
                || base.startsWith("brin_geometry")) {
            return "postgis";
        }
        if (base.startsWith("gist_ltree") || base.equals("gist__ltree_ops")) {
            return "ltree";
        }
        if (base.equals("gist_hstore_ops") || base.equals("gin_hstore_ops")) {
            return "hstore";
        }
        return null;
    }
}
