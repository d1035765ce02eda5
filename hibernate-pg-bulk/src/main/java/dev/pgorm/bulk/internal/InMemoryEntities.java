package dev.pgorm.bulk.internal;

import java.util.Collection;
import java.util.Iterator;

/**
 * The entities of a {@link Collection}: all of them exist already, so COPY need not take them in
 * chunks to bound memory, and one COPY (after one identifier query) writes them all. A stream's
 * entities are made as they are taken, and go 50,000 to a COPY.
 */
public final class InMemoryEntities implements Iterator<Object> {

    private final Iterator<?> iterator;

    private InMemoryEntities(Iterator<?> iterator) {
        this.iterator = iterator;
    }

    /**
     * Returns an iterator over the entities, marked as held in memory when they are a collection.
     */
    public static Iterator<?> of(Iterable<?> entities) {
        return entities instanceof Collection<?> c
                ? new InMemoryEntities(c.iterator())
                : entities.iterator();
    }

    @Override
    public boolean hasNext() {
        return iterator.hasNext();
    }

    @Override
    public Object next() {
        return iterator.next();
    }
}
