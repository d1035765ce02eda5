package dev.pgorm.ddl.encryption.internal;

import dev.pgorm.ddl.encryption.PgEncrypted;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.internal.SqlText;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.MappingException;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;

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
            String key;
            try {
                key = key(SqlText.settingName(attribute.annotation().keySetting(), label));
            } catch (IllegalArgumentException e) {
                throw entity.fail(label, e.getMessage());
            }
            column.setSqlType("bytea");
            column.setCustomWrite("pgp_sym_encrypt(?, " + key + ")");
            column.setCustomRead("pgp_sym_decrypt(" + entity.sql(column) + ", " + key + ")");
            registry.needExtension("pgcrypto", "", label + " of entity " + entity.describe());
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

    private static List<Encrypted> attributes(PersistentClass entity) {
        List<Encrypted> found = new ArrayList<>();
        for (Property property : entity.getProperties()) {
            if (property.isComposite()) {
                continue;
            }
            Member member = property.getGetter(entity.getMappedClass()).getMember();
            if (member instanceof AnnotatedElement element) {
                PgEncrypted annotation = element.getAnnotation(PgEncrypted.class);
                if (annotation == null && member instanceof Method) {
                    annotation = fieldAnnotation(entity.getMappedClass(), property.getName());
                }
                if (annotation != null) {
                    Class<?> type =
                            member instanceof Field field
                                    ? field.getType()
                                    : ((Method) member).getReturnType();
                    found.add(new Encrypted(property, annotation, type));
                }
            }
        }
        return found;
    }

    /** With property access, the annotation may still sit on the field of the same name. */
    private static PgEncrypted fieldAnnotation(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name).getAnnotation(PgEncrypted.class);
            } catch (NoSuchFieldException e) {
                // declared higher up, or not a field
            }
        }
        return null;
    }
}
