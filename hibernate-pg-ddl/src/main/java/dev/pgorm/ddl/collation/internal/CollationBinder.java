package dev.pgorm.ddl.collation.internal;

import dev.pgorm.core.internal.PgQualifiedName;
import dev.pgorm.ddl.collation.PgCollation;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import java.util.regex.Pattern;
import org.hibernate.MappingException;

/** Reads {@link PgCollation} on entities and their packages. */
public final class CollationBinder {

    /**
     * ICU and libc locale names: letters, digits and {@code - _ . @ =}; nothing that ends a
     * literal.
     */
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z0-9_.@=-]+");

    private CollationBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        Class<?> type = entity.javaClass();
        for (PgCollation collation : type.getAnnotationsByType(PgCollation.class)) {
            add(collation, "entity " + entity.describe(), registry);
        }
        Package pkg = type.getPackage();
        if (pkg != null) {
            for (PgCollation collation : pkg.getAnnotationsByType(PgCollation.class)) {
                add(collation, "package " + pkg.getName(), registry);
            }
        }
    }

    private static void add(PgCollation collation, String where, DdlRegistry registry) {
        String label = "@PgCollation(name = \"" + collation.name() + "\") on " + where;
        String provider = collation.provider();
        if (!provider.equals("icu") && !provider.equals("libc")) {
            throw new MappingException(
                    "PG-ORM: " + label + ": provider must be icu or libc, not '" + provider + "'");
        }
        if (!LOCALE.matcher(collation.locale()).matches()) {
            throw new MappingException(
                    "PG-ORM: "
                            + label
                            + ": locale '"
                            + collation.locale()
                            + "' is not a locale name (letters, digits and - _ . @ =)");
        }
        if (!collation.deterministic() && provider.equals("libc")) {
            throw new MappingException(
                    "PG-ORM: "
                            + label
                            + ": only ICU collations can be nondeterministic; use provider icu");
        }
        PgQualifiedName name;
        try {
            name = PgQualifiedName.parse(collation.name(), "collation name");
        } catch (IllegalArgumentException e) {
            throw new MappingException("PG-ORM: " + label + ": " + e.getMessage());
        }
        CollationObject object =
                new CollationObject(
                        name, provider, collation.locale(), collation.deterministic(), label);
        registry.addOnce(DdlOrder.TYPES, object, object.definition());
    }
}
