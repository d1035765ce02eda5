package dev.pgorm.types.internal;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Deep copy and deep equality of the values that JSON documents are read into (maps, collections,
 * arrays, scalars, records, JavaBeans, Jackson trees) without serializing them: the snapshot and
 * dirty check of {@link PgJsonJavaType}. A value it cannot walk raises {@link Unsupported}, and the
 * caller falls back to the JSON text.
 */
final class JsonStructure {

    /** Raised for a value whose class cannot be copied or compared structurally. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private JsonStructure() {}

    /** Returns a copy that shares nothing mutable with the value. */
    static Object copy(Object value) {
        return copy(value, 0);
    }

    /** Returns whether two values hold the same document; never true for different shapes. */
    static boolean equal(Object a, Object b) {
        return equal(a, b, 0);
    }

    private static Object copy(Object value, int depth) {
        if (value == null || isCommonScalar(value)) {
            return value;
        }
        checkDepth(depth);
        JsonShape shape = JsonShape.of(value.getClass());
        switch (shape.kind()) {
            case LEAF:
                return value;
            case MAP:
                return copyMap((Map<?, ?>) value, depth);
            case LIST:
            case COLLECTION:
                return copyCollection((Collection<?>) value, JsonContainers.newList(value), depth);
            case SET:
                return copyCollection((Collection<?>) value, JsonContainers.newSet(value), depth);
            case OBJECT_ARRAY:
                return copyObjectArray(value, depth);
            case PRIMITIVE_ARRAY:
                return copyPrimitiveArray(value);
            case RECORD:
                return copyRecord(shape, value, depth);
            case BEAN:
                return copyBean(shape, value, depth);
            case JSON_NODE:
                return shape.deepCopyNode(value);
            default:
                throw new Unsupported(shape.reason());
        }
    }

    private static boolean equal(Object a, Object b, int depth) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isCommonScalar(a)) {
            return a.equals(b);
        }
        checkDepth(depth);
        JsonShape shape = JsonShape.of(a.getClass());
        JsonShape other = JsonShape.of(b.getClass());
        if (shape.kind() == JsonShape.Kind.UNSUPPORTED) {
            throw new Unsupported(shape.reason());
        }
        if (other.kind() == JsonShape.Kind.UNSUPPORTED) {
            throw new Unsupported(other.reason());
        }
        if (shape.kind() != other.kind()) {
            return false;
        }
        switch (shape.kind()) {
            case SET:
                if (!onlyScalars((Collection<?>) a) || !onlyScalars((Collection<?>) b)) {
                    // a set matches elements by their own equals(), which may ignore fields
                    throw new Unsupported("a set of records or objects");
                }
                return a.equals(b);
            case LEAF:
            case JSON_NODE:
            case PRIMITIVE_ARRAY:
                return Objects.deepEquals(a, b);
            case MAP:
                return equalMaps((Map<?, ?>) a, (Map<?, ?>) b, depth);
            case LIST:
            case COLLECTION:
                return equalSequences((Collection<?>) a, (Collection<?>) b, depth);
            case OBJECT_ARRAY:
                return equalArrays(a, b, depth);
            case RECORD:
            case BEAN:
                return shape == other && equalFields(shape, a, b, depth);
            default:
                throw new Unsupported(shape.reason());
        }
    }

    /**
     * Documents nest far less deeply than this; an object graph that does is most likely a cycle (a
     * back reference Jackson ignores) and is left to the JSON text.
     */
    private static final int MAX_DEPTH = 100;

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Unsupported("nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
    }

    private static boolean onlyScalars(Collection<?> set) {
        for (Object element : set) {
            if (element != null
                    && !isCommonScalar(element)
                    && JsonShape.of(element.getClass()).kind() != JsonShape.Kind.LEAF) {
                return false;
            }
        }
        return true;
    }

    /** The scalars Jackson reads documents into, checked before the per-class lookup. */
    private static boolean isCommonScalar(Object value) {
        Class<?> type = value.getClass();
        return type == String.class
                || type == Integer.class
                || type == Boolean.class
                || type == Long.class
                || type == Double.class;
    }

    private static Map<Object, Object> copyMap(Map<?, ?> map, int depth) {
        Map<Object, Object> copy = JsonContainers.newMap(map);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            copy.put(copy(e.getKey(), depth + 1), copy(e.getValue(), depth + 1));
        }
        return copy;
    }

    private static Collection<Object> copyCollection(
            Collection<?> source, Collection<Object> target, int depth) {
        for (Object element : source) {
            target.add(copy(element, depth + 1));
        }
        return target;
    }

    private static Object copyObjectArray(Object array, int depth) {
        int length = Array.getLength(array);
        Object[] copy = (Object[]) Array.newInstance(array.getClass().getComponentType(), length);
        Object[] source = (Object[]) array;
        for (int i = 0; i < length; i++) {
            copy[i] = copy(source[i], depth + 1);
        }
        return copy;
    }

    private static Object copyPrimitiveArray(Object array) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }

    private static Object copyRecord(JsonShape shape, Object record, int depth) {
        Object[] components = shape.read(record);
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            Object copy = copy(components[i], depth + 1);
            changed |= copy != components[i];
            components[i] = copy;
        }
        // A record whose components are all immutable is its own snapshot.
        return changed ? shape.construct(components) : record;
    }

    private static Object copyBean(JsonShape shape, Object bean, int depth) {
        Object[] fields = shape.read(bean);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = copy(fields[i], depth + 1);
        }
        return shape.construct(fields);
    }

    private static boolean equalMaps(Map<?, ?> a, Map<?, ?> b, int depth) {
        if (a.size() != b.size()) {
            return false;
        }
        // A snapshot iterates in the order of its source: walk both maps side by side and look
        // keys up only when the orders differ.
        Iterator<? extends Map.Entry<?, ?>> ia = a.entrySet().iterator();
        Iterator<? extends Map.Entry<?, ?>> ib = b.entrySet().iterator();
        while (ia.hasNext()) {
            Map.Entry<?, ?> ea = ia.next();
            Map.Entry<?, ?> eb = ib.next();
            if (ea.getKey() != eb.getKey() && !Objects.equals(ea.getKey(), eb.getKey())) {
                return equalMapsByKey(a, b, depth);
            }
            if (!equal(ea.getValue(), eb.getValue(), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalMapsByKey(Map<?, ?> a, Map<?, ?> b, int depth) {
        for (Map.Entry<?, ?> e : a.entrySet()) {
            Object other = b.get(e.getKey());
            if (other == null && (e.getValue() != null || !b.containsKey(e.getKey()))) {
                return false;
            }
            if (!equal(e.getValue(), other, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalSequences(Collection<?> a, Collection<?> b, int depth) {
        if (a.size() != b.size()) {
            return false;
        }
        if (a instanceof List<?> la
                && b instanceof List<?> lb
                && a instanceof RandomAccess
                && b instanceof RandomAccess) {
            for (int i = 0; i < la.size(); i++) {
                if (!equal(la.get(i), lb.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        Iterator<?> ia = a.iterator();
        Iterator<?> ib = b.iterator();
        while (ia.hasNext()) {
            if (!equal(ia.next(), ib.next(), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalArrays(Object a, Object b, int depth) {
        Object[] x = (Object[]) a;
        Object[] y = (Object[]) b;
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!equal(x[i], y[i], depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalFields(JsonShape shape, Object a, Object b, int depth) {
        Object[] x = shape.read(a);
        Object[] y = shape.read(b);
        for (int i = 0; i < x.length; i++) {
            if (!equal(x[i], y[i], depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
