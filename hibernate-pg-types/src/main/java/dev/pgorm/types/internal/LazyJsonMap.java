package dev.pgorm.types.internal;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The {@code Map} of a JSON attribute, parsed on first use ({@link LazyJson}); every operation
 * works on the parsed map, so it behaves as the map Jackson makes (a {@code LinkedHashMap}).
 */
final class LazyJsonMap<K, V> implements Map<K, V>, Serializable, LazyJsonValue {

    private static final long serialVersionUID = 1L;

    private final transient LazyJson document;

    LazyJsonMap(LazyJson document) {
        this.document = document;
    }

    @Override
    public LazyJson document() {
        return document;
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> map() {
        return (Map<K, V>) document.value();
    }

    /** Serializes as the parsed map. */
    private Object writeReplace() {
        return map();
    }

    @Override
    public int size() {
        return map().size();
    }

    @Override
    public boolean isEmpty() {
        return map().isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map().containsValue(value);
    }

    @Override
    public V get(Object key) {
        return map().get(key);
    }

    @Override
    public V put(K key, V value) {
        return map().put(key, value);
    }

    @Override
    public V remove(Object key) {
        return map().remove(key);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        map().putAll(m);
    }

    @Override
    public void clear() {
        map().clear();
    }

    @Override
    public Set<K> keySet() {
        return map().keySet();
    }

    @Override
    public Collection<V> values() {
        return map().values();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return map().entrySet();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || map().equals(o);
    }

    @Override
    public int hashCode() {
        return map().hashCode();
    }

    @Override
    public String toString() {
        return map().toString();
    }
}
