package dev.pgorm.ddl.domain.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.core.internal.PgQualifiedName;
import dev.pgorm.ddl.domain.PgDomain;
import dev.pgorm.ddl.domain.PgDomainType;
import dev.pgorm.ddl.extension.internal.ExtensionBinder;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.MappingException;
import org.hibernate.mapping.Column;

/**
 * Reads {@link PgDomain} on entities and packages, then gives the columns of {@link PgDomainType}
 * attributes the domain as their SQL type, once every domain is known.
 */
public final class DomainBinder {

    private final DdlRegistry registry;
    private final Map<String, DomainDefinition> domains = new LinkedHashMap<>();

    public DomainBinder(DdlRegistry registry) {
        this.registry = registry;
    }

    /** Collects the domains declared on the entity and on its package. */
    public void declare(EntityTable entity) {
        Class<?> type = entity.javaClass();
        for (PgDomain domain : type.getAnnotationsByType(PgDomain.class)) {
            String where =
                    "@PgDomain(name = \"" + domain.name() + "\") on entity " + entity.describe();
            add(domain, where, message -> entity.fail(label(domain), message));
        }
        Package pkg = type.getPackage();
        if (pkg != null) {
            for (PgDomain domain : pkg.getAnnotationsByType(PgDomain.class)) {
                String where =
                        "@PgDomain(name = \"" + domain.name() + "\") on package " + pkg.getName();
                add(
                        domain,
                        where,
                        message -> new MappingException("PG-ORM: " + where + ": " + message));
            }
        }
    }

    private interface Failure {
        MappingException fail(String message);
    }

    private static String label(PgDomain domain) {
        return "@PgDomain(name = \"" + domain.name() + "\")";
    }

    private void add(PgDomain domain, String where, Failure failure) {
        PgQualifiedName parsed;
        try {
            parsed = PgQualifiedName.parse(domain.name(), "domain name");
            if (!domain.collation().isEmpty()) {
                PgQualifiedName.parse(domain.collation(), "collation");
            }
        } catch (IllegalArgumentException e) {
            throw failure.fail(e.getMessage());
        }
        String schema = parsed.schema();
        String name = parsed.name();
        String rendered = parsed.render();
        if (domain.type().isBlank()) {
            throw failure.fail("type must name the base type, for example text or numeric(12, 2)");
        }
        for (String sql : List.of(domain.type(), domain.check(), domain.defaultValue())) {
            if (sql.contains("$pgorm")) {
                throw failure.fail("type, check and defaultValue must not contain $pgorm");
            }
        }
        DomainDefinition definition =
                new DomainDefinition(
                        rendered,
                        domain.type().trim(),
                        domain.check().trim(),
                        domain.notNull(),
                        domain.defaultValue().trim(),
                        domain.collation(),
                        PgIdentifiers.fit(name + "_check"));
        registry.addOnce(
                DdlOrder.TYPES,
                new DomainObject(schema, name, definition, where),
                definition.text());
        domains.put(parsed.key(), definition);
        String extension =
                ExtensionBinder.extensionForType(definition.type().toLowerCase(Locale.ROOT));
        if (extension != null) {
            registry.needExtension(extension, "", where + " (base type " + definition.type() + ")");
        }
    }

    /** Sets the SQL type of every column whose attribute has {@link PgDomainType}. */
    public void applyTypes(EntityTable entity) {
        for (Class<?> c = entity.javaClass();
                c != null && c != Object.class;
                c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                apply(entity, field, field.getName());
            }
            for (Method method : c.getDeclaredMethods()) {
                String attribute = attributeOf(method.getName());
                if (attribute != null) {
                    apply(entity, method, attribute);
                }
            }
        }
    }

    private static String attributeOf(String getter) {
        int prefix = getter.startsWith("get") ? 3 : getter.startsWith("is") ? 2 : 0;
        if (prefix == 0 || getter.length() == prefix) {
            return null;
        }
        return Character.toLowerCase(getter.charAt(prefix)) + getter.substring(prefix + 1);
    }

    private void apply(EntityTable entity, AnnotatedElement element, String attribute) {
        PgDomainType use = element.getAnnotation(PgDomainType.class);
        if (use == null) {
            return;
        }
        String label = "@PgDomainType(\"" + use.value() + "\") on attribute " + attribute;
        DomainDefinition domain;
        try {
            domain = domains.get(PgQualifiedName.parse(use.value(), "domain name").key());
        } catch (IllegalArgumentException e) {
            throw entity.fail(label, e.getMessage());
        }
        if (domain == null) {
            throw entity.fail(
                    label,
                    "no @PgDomain declares '"
                            + use.value()
                            + "'; add @PgDomain(name = \""
                            + use.value()
                            + "\", type = \"...\") to this entity or to its package-info"
                            + (domains.isEmpty()
                                    ? ""
                                    : " (declared domains: "
                                            + String.join(", ", domainNames())
                                            + ")"));
        }
        Column column = entity.column(attribute, label);
        if (column.getSqlType() != null && !column.getSqlType().equals(domain.rendered())) {
            throw entity.fail(
                    label,
                    "the column has the SQL type \""
                            + column.getSqlType()
                            + "\" already (columnDefinition?); remove one of the two");
        }
        column.setSqlType(domain.rendered());
    }

    private List<String> domainNames() {
        return domains.values().stream().map(DomainDefinition::rendered).toList();
    }
}
