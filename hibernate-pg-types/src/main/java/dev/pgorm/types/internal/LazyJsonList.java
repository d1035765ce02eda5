package dev.pgorm.types.internal;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;

/**
 * The {@code List} of a JSON attribute, parsed on first use ({@link LazyJson}); every operation
 * works on the parsed list, so it behaves as the list Jackson makes (an {@code ArrayList}).
 */
final class LazyJsonList<E> extends AbstractList<E>
        implements RandomAccess, Serializable, LazyJsonValue {

    private static final long serialVersionUID = 1L;

    private final transient LazyJson document;

    LazyJsonList(LazyJson document) {
        this.document = document;
    }

    @Override
    public LazyJson document() {
        return document;
    }

    @SuppressWarnings("unchecked")
    private List<E> list() {
        return (List<E>) document.value();
    }

    /** Serializes as the parsed list. */
    private Object writeReplace() {
        return list();
    }

    @Override
    public E get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }

    @Override
    public E set(int index, E element) {
        return list().set(index, element);
    }

    @Override
    public void add(int index, E element) {
        list().add(index, element);
    }

    @Override
    public E remove(int index) {
        return list().remove(index);
    }

    @Override
    public void clear() {
        list().clear();
    }

    @Override
    public Iterator<E> iterator() {
        return list().iterator();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return list().listIterator(index);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || list().equals(o);
    }

    @Override
    public int hashCode() {
        return list().hashCode();
    }

    @Override
    public String toString() {
        return list().toString();
    }
}
