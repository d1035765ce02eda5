package dev.pgorm.types.internal;

import java.lang.reflect.Field;
import org.hibernate.mapping.Component;

/**
 * Forgets the type an embeddable's boot model computed, so that it is computed again from its
 * attributes' new descriptors. Hibernate's {@code Component.getType()} builds the {@code
 * ComponentType} once, with the types its attributes had then, and second passes call it before
 * {@code AdditionalMappingContributor}s run; Hibernate has no public way to reset it, so this
 * clears the private field. Where the field is not there (another Hibernate version), {@link
 * #resettable()} is false and embeddables keep Hibernate's JSON mapping.
 */
final class ComponentTypes {

    private static final Field TYPE = typeField();

    private ComponentTypes() {}

    private static Field typeField() {
        try {
            Field field = Component.class.getDeclaredField("type");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Returns whether embeddables' types can be reset. */
    static boolean resettable() {
        return TYPE != null;
    }

    /** Makes the embeddable compute its type again on next use. */
    static void reset(Component component) {
        try {
            TYPE.set(component, null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reset the type of " + component, e);
        }
    }
}
