package dev.pgorm.ddl.spi;

import jakarta.persistence.MappedSuperclass;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds PG-ORM's annotations of an entity as the DDL binders apply them: on the entity class and on
 * the {@code @MappedSuperclass}es it extends, nearest first. Shared with hibernate-pg-rls, whose
 * checks must see the same row-level security the DDL creates. For PG-ORM's own modules, not for
 * applications.
 *
 * @since 0.1
 */
public final class EntityAnnotations {

    private EntityAnnotations() {}

    /**
     * Returns the annotations of a type on the entity class and its mapped superclasses; an entity
     * superclass's annotations are that entity's, so the walk stops there.
     *
     * @param entityClass the entity class
     * @param type the annotation type (repeatable annotations are found in their containers)
     * @param <A> the annotation type
     * @return the annotations, the entity class's first
     */
    public static <A extends Annotation> List<A> of(Class<?> entityClass, Class<A> type) {
        List<A> found = new ArrayList<>();
        for (Class<?> c = entityClass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c != entityClass && !c.isAnnotationPresent(MappedSuperclass.class)) {
                break;
            }
            found.addAll(List.of(c.getDeclaredAnnotationsByType(type)));
        }
        return found;
    }

    /**
     * Returns " (from mapped superclass X)" when {@code annotation} is declared on a mapped
     * superclass of the entity class rather than on the class itself, else "", for messages.
     *
     * @param entityClass the entity class
     * @param annotation one of the annotations {@link #of} found
     * @return the origin for a message, or an empty string
     */
    public static String origin(Class<?> entityClass, Annotation annotation) {
        for (Class<?> c = entityClass.getSuperclass();
                c != null && c.isAnnotationPresent(MappedSuperclass.class);
                c = c.getSuperclass()) {
            if (List.of(c.getDeclaredAnnotationsByType(annotation.annotationType()))
                    .contains(annotation)) {
                return " (from mapped superclass " + c.getSimpleName() + ")";
            }
        }
        return "";
    }

    /**
     * Returns whether the entity class or one of its mapped superclasses has the annotation.
     *
     * @param entityClass the entity class
     * @param type the annotation type
     * @return true when {@link #of} finds at least one
     */
    public static boolean declares(Class<?> entityClass, Class<? extends Annotation> type) {
        return !of(entityClass, type).isEmpty();
    }
}
