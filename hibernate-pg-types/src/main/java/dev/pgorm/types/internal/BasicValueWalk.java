package dev.pgorm.types.internal;

import dev.pgorm.core.internal.reflect.HibernateInternals;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Value;

/**
 * Visits every basic value of the entities once, also inside embeddables (nested too) and as the
 * elements of element collections, so that a mapping contributor can re-resolve some of them; an
 * embeddable whose attributes changed computes its type again. Exists so that the JSON and hstore
 * contributors walk the boot model the same way.
 */
final class BasicValueWalk {

    /** Re-resolves one basic value. */
    @FunctionalInterface
    interface Replacer {

        /**
         * Replaces the value's resolution if it is one the caller handles.
         *
         * @param attribute the attribute's path, {@code Entity.attribute[.nested]} ({@code []} for
         *     collection elements), for error messages
         * @param value the attribute's boot model
         * @return whether the value's resolution was replaced
         */
        boolean replace(String attribute, BasicValue value);
    }

    private final Replacer replacer;
    private final Set<BasicValue> done = Collections.newSetFromMap(new IdentityHashMap<>());

    private BasicValueWalk(Replacer replacer) {
        this.replacer = replacer;
    }

    /** Offers every basic value of the metadata's entities to {@code replacer}, once each. */
    static void walk(InFlightMetadataCollector metadata, Replacer replacer) {
        BasicValueWalk walk = new BasicValueWalk(replacer);
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (Property property : entity.getPropertyClosure()) {
                walk.visit(entity.getEntityName() + "." + property.getName(), property.getValue());
            }
        }
    }

    /** Visits one value; returns whether any basic value in it was replaced. */
    private boolean visit(String attribute, Value value) {
        if (value instanceof BasicValue basic) {
            return done.add(basic) && replacer.replace(attribute, basic);
        }
        if (value instanceof Component component && HibernateInternals.componentTypeResettable()) {
            boolean replaced = false;
            for (Property property : component.getProperties()) {
                replaced |= visit(attribute + "." + property.getName(), property.getValue());
            }
            if (replaced) {
                HibernateInternals.resetComponentType(component);
            }
            return replaced;
        }
        if (value instanceof Collection collection) {
            return visit(attribute + "[]", collection.getElement());
        }
        return false;
    }
}
