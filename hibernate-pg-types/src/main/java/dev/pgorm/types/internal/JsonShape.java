package dev.pgorm.types.internal;

import dev.pgorm.core.internal.reflect.PrivateAccess;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How {@link JsonStructure} walks one runtime class, worked out once per class: immutable scalar,
 * map, collection, array, record (components and canonical constructor), JavaBean (fields and
 * no-argument constructor), Jackson tree, or unsupported (with the reason).
 */
final class JsonShape {

    /** The ways a class is copied and compared. */
    enum Kind {
        LEAF,
        MAP,
        LIST,
        SET,
        COLLECTION,
        OBJECT_ARRAY,
        PRIMITIVE_ARRAY,
        RECORD,
        BEAN,
        JSON_NODE,
        UNSUPPORTED
    }

    private static final Set<Class<?>> LEAVES =
            Set.of(
                    String.class,
                    Boolean.class,
                    Character.class,
                    Byte.class,
                    Short.class,
                    Integer.class,
                    Long.class,
                    Float.class,
                    Double.class,
                    BigInteger.class,
                    BigDecimal.class,
                    UUID.class,
                    URI.class,
                    Locale.class,
                    Currency.class);

    private static final Set<String> JSON_NODE_CLASSES =
            Set.of("com.fasterxml.jackson.databind.JsonNode", "tools.jackson.databind.JsonNode");

    private static final ClassValue<JsonShape> SHAPES =
            new ClassValue<>() {
                @Override
                protected JsonShape computeValue(Class<?> type) {
                    return shapeOf(type);
                }
            };

    private final Kind kind;
    private final String reason;
    private final Method[] accessors;
    private final Field[] fields;
    private final Constructor<?> constructor;
    private final Method deepCopy;

    private JsonShape(
            Kind kind,
            String reason,
            Method[] accessors,
            Field[] fields,
            Constructor<?> constructor,
            Method deepCopy) {
        this.kind = kind;
        this.reason = reason;
        this.accessors = accessors;
        this.fields = fields;
        this.constructor = constructor;
        this.deepCopy = deepCopy;
    }

    private static JsonShape simple(Kind kind) {
        return new JsonShape(kind, null, null, null, null, null);
    }

    private static JsonShape unsupported(Class<?> type, String why) {
        return new JsonShape(Kind.UNSUPPORTED, type.getName() + ": " + why, null, null, null, null);
    }

    /** Returns the shape of a runtime class. */
    static JsonShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    Kind kind() {
        return kind;
    }

    String reason() {
        return reason;
    }

    private static JsonShape shapeOf(Class<?> type) {
        if (LEAVES.contains(type)
                || type.isEnum()
                || (type.getSuperclass() != null && type.getSuperclass().isEnum())
                || type.getPackageName().equals("java.time")) {
            return simple(Kind.LEAF);
        }
        if ((Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type))
                && !JsonContainers.copiesFaithfully(type)) {
            return unsupported(type, "a container whose copy would change its class");
        }
        if (Map.class.isAssignableFrom(type)) {
            return simple(Kind.MAP);
        }
        if (List.class.isAssignableFrom(type)) {
            return simple(Kind.LIST);
        }
        if (Set.class.isAssignableFrom(type)) {
            return simple(Kind.SET);
        }
        if (Collection.class.isAssignableFrom(type)) {
            return simple(Kind.COLLECTION);
        }
        if (type.isArray()) {
            return simple(
                    type.getComponentType().isPrimitive()
                            ? Kind.PRIMITIVE_ARRAY
                            : Kind.OBJECT_ARRAY);
        }
        Method nodeCopy = jsonNodeDeepCopy(type);
        if (nodeCopy != null) {
            return new JsonShape(Kind.JSON_NODE, null, null, null, null, nodeCopy);
        }
        String pkg = type.getPackageName();
        if (pkg.startsWith("java.")
                || pkg.startsWith("javax.")
                || pkg.startsWith("jdk.")
                || pkg.startsWith("sun.")) {
            return unsupported(type, "a JDK class of unknown mutability");
        }
        try {
            return type.isRecord() ? recordShape(type) : beanShape(type);
        } catch (RuntimeException | NoSuchMethodException e) {
            // InaccessibleObjectException (a package that is not open), SecurityException ...
            return unsupported(type, e.toString());
        }
    }

    private static Method jsonNodeDeepCopy(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (JSON_NODE_CLASSES.contains(c.getName())) {
                try {
                    return c.getMethod("deepCopy");
                } catch (NoSuchMethodException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static JsonShape recordShape(Class<?> type) throws NoSuchMethodException {
        RecordComponent[] components = type.getRecordComponents();
        Method[] accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            open(accessors[i], type);
            types[i] = components[i].getType();
        }
        Constructor<?> constructor = open(type.getDeclaredConstructor(types), type);
        return new JsonShape(Kind.RECORD, null, accessors, null, constructor, null);
    }

    /** Opens a member of the application's class, or throws so that the class is unsupported. */
    private static <T extends AccessibleObject> T open(T member, Class<?> type) {
        return PrivateAccess.accessible(
                        member, "copies and compares " + type.getName() + " values as JSON text")
                .orElseThrow(() -> new InaccessibleObjectException(member + " cannot be opened"));
    }

    private static JsonShape beanShape(Class<?> type) throws NoSuchMethodException {
        if (Modifier.isAbstract(type.getModifiers())
                || (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()))
                || type.isAnonymousClass()
                || type.isSynthetic()) {
            return unsupported(type, "not a top-level or static nested concrete class");
        }
        Constructor<?> constructor = open(type.getDeclaredConstructor(), type);
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            if (c.getPackageName().startsWith("java.")) {
                return unsupported(type, "extends the JDK class " + c.getName());
            }
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    fields.add(open(f, type));
                }
            }
        }
        return new JsonShape(
                Kind.BEAN, null, null, fields.toArray(new Field[0]), constructor, null);
    }

    /** Returns the components of a record or the fields of a bean, in declaration order. */
    Object[] read(Object value) {
        try {
            if (kind == Kind.RECORD) {
                Object[] values = new Object[accessors.length];
                for (int i = 0; i < accessors.length; i++) {
                    values[i] = accessors[i].invoke(value);
                }
                return values;
            }
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = fields[i].get(value);
            }
            return values;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new JsonStructure.Unsupported(value.getClass().getName() + ": " + e);
        }
    }

    /** Builds a record from its components, or a bean from its field values. */
    Object construct(Object[] values) {
        try {
            if (kind == Kind.RECORD) {
                return constructor.newInstance(values);
            }
            Object bean = constructor.newInstance();
            for (int i = 0; i < fields.length; i++) {
                fields[i].set(bean, values[i]);
            }
            return bean;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            // IllegalArgumentException: a copied component whose class the field cannot take
            throw new JsonStructure.Unsupported(
                    constructor.getDeclaringClass().getName() + ": " + e);
        }
    }

    /** Returns {@code node.deepCopy()} of a Jackson tree. */
    Object deepCopyNode(Object node) {
        try {
            return deepCopy.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new JsonStructure.Unsupported(node.getClass().getName() + ": " + e);
        }
    }
}
