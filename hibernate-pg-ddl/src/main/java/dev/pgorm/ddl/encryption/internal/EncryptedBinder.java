package dev.pgorm.ddl.encryption.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.encryption.PgEncrypted;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.internal.SqlText;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.MappingException;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;

/**
 * Gives each {@link PgEncrypted} attribute a {@code bytea} column and pgcrypto read and write
 * expressions, as {@code @ColumnTransformer} would, and declares the extension.
 */
public final class EncryptedBinder {

    private EncryptedBinder() {}

    /** Binds the entity's {@code @PgEncrypted} attributes. */
    public static void bind(EntityTable entity, DdlRegistry registry) {
        for (Encrypted attribute : attributes(entity.entity())) {
            String label =
                    "@PgEncrypted(keySetting = \""
                            + attribute.annotation().keySetting()
                            + "\") on attribute '"
                            + attribute.property().getName()
                            + "'";
            Column column = column(entity, attribute, label);
            String setting;
            try {
                setting = SqlText.settingName(attribute.annotation().keySetting(), label);
            } catch (IllegalArgumentException e) {
                throw entity.fail(label, e.getMessage());
            }
            String key = key(setting);
            column.setSqlType("bytea");
            column.setCustomWrite("pgp_sym_encrypt(?, " + key + ")");
            column.setCustomRead("pgp_sym_decrypt(" + entity.sql(column) + ", " + key + ")");
            registry.needExtension("pgcrypto", "", label + " of entity " + entity.describe());
            Table table = attribute.property().getValue().getTable();
            String stored = PgIdentifiers.normalize(entity.sql(column));
            registry.addOnce(
                    DdlOrder.TABLE_OPTIONS,
                    new EncryptedColumnObject(
                            table, stored, setting, key, label + " of entity " + entity.describe()),
                    key);
        }
    }

    /**
     * Fails when an entity has a {@code @PgEncrypted} attribute, for a boot that cannot encrypt it
     * (another database, or the DDL module switched off): the value would be stored as plain text.
     */
    public static void refuse(Iterable<PersistentClass> entities, String why) {
        for (PersistentClass entity : entities) {
            if (entity.getMappedClass() == null) {
                continue;
            }
            List<Encrypted> found = attributes(entity);
            if (!found.isEmpty()) {
                Encrypted attribute = found.get(0);
                throw new MappingException(
                        "PG-ORM: @PgEncrypted on attribute '"
                                + attribute.property().getName()
                                + "' of entity "
                                + entity.getJpaEntityName()
                                + " ("
                                + entity.getClassName()
                                + ") cannot be applied because "
                                + why
                                + ", and the value would be stored unencrypted; remove the"
                                + " annotation or boot with PostgreSQL and pgorm.ddl.enabled=true");
            }
        }
    }

    /**
     * The key expression: the setting, or, when it is missing or empty, an error that names it
     * ({@code unrecognized configuration parameter "app.crypto_key (not set in this transaction;
     * see @PgEncrypted)"}). A setting once set with {@code set_config(..., true)} reads as empty in
     * later transactions of the same connection, and pgp_sym_encrypt would then fail with a message
     * that names nothing.
     */
    static String key(String setting) {
        return "coalesce(nullif(current_setting("
                + SqlText.literal(setting)
                + ", true), ''), current_setting("
                + SqlText.literal(setting + " (not set in this transaction; see @PgEncrypted)")
                + "))";
    }

    private static Column column(EntityTable entity, Encrypted attribute, String label) {
        if (attribute.javaType() != String.class) {
            throw entity.fail(
                    label,
                    "the attribute is "
                            + attribute.javaType().getSimpleName()
                            + "; @PgEncrypted stores String attributes only");
        }
        List<Selectable> selectables = attribute.property().getSelectables();
        if (selectables.size() != 1 || !(selectables.get(0) instanceof Column column)) {
            throw entity.fail(label, "the attribute must map to exactly one column");
        }
        if (column.getCustomRead() != null || column.getCustomWrite() != null) {
            throw entity.fail(
                    label,
                    "the column already has read or write expressions (@ColumnTransformer);"
                            + " remove them: @PgEncrypted writes its own");
        }
        if (column.getSqlType() != null) {
            throw entity.fail(
                    label,
                    "the column has its own definition ("
                            + column.getSqlType()
                            + "); remove columnDefinition: the column is bytea");
        }
        return column;
    }

    /** One annotated attribute of an entity. */
    private record Encrypted(Property property, PgEncrypted annotation, Class<?> javaType) {}

    /** An annotated field or getter, by attribute name. */
    private record Annotated(PgEncrypted annotation, Class<?> javaType) {}

    /**
     * Returns the entity's own annotated attributes (those of a superclass entity belong to it).
     * Reads the class by reflection first, so entities without the annotation cost nothing more.
     */
    private static List<Encrypted> attributes(PersistentClass entity) {
        Map<String, Annotated> annotated = annotatedMembers(entity.getMappedClass());
        List<Encrypted> found = new ArrayList<>();
        for (Property property : entity.getProperties()) {
            Annotated a = annotated.remove(property.getName());
            if (a != null) {
                found.add(new Encrypted(property, a.annotation(), a.javaType()));
            }
            nested(entity, property, found);
        }
        if (annotated.isEmpty()) {
            return found;
        }
        for (Property property : entity.getPropertyClosure()) {
            annotated.remove(property.getName()); // declared on a superclass entity
        }
        if (entity.getIdentifierProperty() != null) {
            annotated.remove(entity.getIdentifierProperty().getName());
        }
        if (!annotated.isEmpty()) {
            throw notPersistent(annotated.keySet(), entity);
        }
        return found;
    }

    /**
     * Adds the annotated attributes of an embedded value (and of values embedded in it), whose
     * columns belong to the entity's table; refuses them in element collections, whose rows live in
     * a table of their own that the annotation does not reach.
     */
    private static void nested(PersistentClass entity, Property property, List<Encrypted> found) {
        Value value = property.getValue();
        if (value instanceof Component component) {
            Map<String, Annotated> annotated = annotatedMembers(componentClass(component));
            for (Property inner : component.getProperties()) {
                Annotated a = annotated.remove(inner.getName());
                if (a != null) {
                    found.add(new Encrypted(inner, a.annotation(), a.javaType()));
                }
                nested(entity, inner, found);
            }
            if (!annotated.isEmpty()) {
                throw notPersistent(annotated.keySet(), entity);
            }
        } else if (value instanceof Collection collection
                && collection.getElement() instanceof Component element
                && !annotatedMembers(componentClass(element)).isEmpty()) {
            throw new MappingException(
                    "PG-ORM: @PgEncrypted in the elements of collection '"
                            + property.getName()
                            + "' of entity "
                            + entity.getJpaEntityName()
                            + " ("
                            + entity.getClassName()
                            + ") is not supported, and the values would be stored unencrypted;"
                            + " put it on a String attribute of the entity or of an @Embedded"
                            + " value");
        }
    }

    private static Class<?> componentClass(Component component) {
        try {
            return component.getComponentClass();
        } catch (RuntimeException notLoadable) {
            return Object.class; // a dynamic (map) component: no annotations to read
        }
    }

    private static MappingException notPersistent(Set<String> names, PersistentClass entity) {
        return new MappingException(
                "PG-ORM: @PgEncrypted on "
                        + names
                        + " of entity "
                        + entity.getJpaEntityName()
                        + " ("
                        + entity.getClassName()
                        + "): not a persistent basic attribute of the entity; put it on a"
                        + " String attribute that Hibernate maps to a column");
    }

    private static Map<String, Annotated> annotatedMembers(Class<?> type) {
        Map<String, Annotated> found = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                PgEncrypted annotation = field.getAnnotation(PgEncrypted.class);
                if (annotation != null) {
                    found.putIfAbsent(field.getName(), new Annotated(annotation, field.getType()));
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                PgEncrypted annotation = method.getAnnotation(PgEncrypted.class);
                if (annotation != null) {
                    found.putIfAbsent(
                            attributeName(method),
                            new Annotated(annotation, method.getReturnType()));
                }
            }
        }
        return found;
    }

    /** {@code getTaxId} and {@code isActive} name {@code taxId} and {@code active}. */
    private static String attributeName(Method getter) {
        String name = getter.getName();
        int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
        if (prefix == 0 || name.length() == prefix) {
            return name;
        }
        return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
    }
}
