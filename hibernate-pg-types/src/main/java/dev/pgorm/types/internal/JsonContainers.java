package dev.pgorm.types.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The empty containers {@link JsonStructure} copies maps, lists and sets into. */
final class JsonContainers {

    private JsonContainers() {}

    /**
     * Copies keep the JDK class of the source where it has a no-argument constructor that keeps its
     * behaviour (a merged copy is assigned to the entity's field); other collections become their
     * insertion-ordered equivalent.
     */
    static Map<Object, Object> newMap(Map<?, ?> source) {
        Class<?> type = source.getClass();
        if (type == HashMap.class) {
            return new HashMap<>(capacity(source.size()));
        }
        if (type == TreeMap.class) {
            @SuppressWarnings("unchecked")
            Comparator<Object> order = (Comparator<Object>) ((TreeMap<?, ?>) source).comparator();
            return new TreeMap<>(order);
        }
        return new LinkedHashMap<>(capacity(source.size()));
    }

    static Collection<Object> newList(Object source) {
        int size = ((Collection<?>) source).size();
        return source.getClass() == LinkedList.class ? new LinkedList<>() : new ArrayList<>(size);
    }

    static Collection<Object> newSet(Object source) {
        Class<?> type = source.getClass();
        int size = ((Collection<?>) source).size();
        if (type == HashSet.class) {
            return new HashSet<>(capacity(size));
        }
        if (type == TreeSet.class) {
            @SuppressWarnings("unchecked")
            Comparator<Object> order = (Comparator<Object>) ((TreeSet<?>) source).comparator();
            return new TreeSet<>(order);
        }
        return new LinkedHashSet<>(capacity(size));
    }

    /**
     * Returns whether a map or collection class is one whose copy (by {@link #newMap}, {@link
     * #newList}, {@link #newSet}) keeps its behaviour: the JDK's general-purpose classes, and its
     * immutable and unmodifiable views (copied into their mutable equivalent). Others ({@code
     * EnumMap}, {@code ArrayDeque}, a user's own map class ...) are left to the JSON text.
     */
    static boolean copiesFaithfully(Class<?> type) {
        if (type == HashMap.class
                || type == LinkedHashMap.class
                || type == TreeMap.class
                || type == ArrayList.class
                || type == LinkedList.class
                || type == HashSet.class
                || type == LinkedHashSet.class
                || type == TreeSet.class) {
            return true;
        }
        String name = type.getName();
        return name.startsWith("java.util.ImmutableCollections$")
                || name.startsWith("java.util.Collections$")
                || name.equals("java.util.Arrays$ArrayList");
    }

    private static int capacity(int size) {
        return Math.max(4, (int) (size / 0.75f) + 1);
    }
}
