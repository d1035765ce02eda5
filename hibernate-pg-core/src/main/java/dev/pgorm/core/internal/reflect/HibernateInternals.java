package dev.pgorm.core.internal.reflect;

import java.lang.reflect.Field;
import java.util.Optional;
import org.hibernate.mapping.Component;
import org.hibernate.type.format.FormatMapper;

/**
 * Hibernate's private state PG-ORM relies on, each member looked up once: {@code Component.type}
 * (an embeddable's cached type, which has no public reset) and the {@code objectMapper} of
 * Hibernate's Jackson format mapper (so bulk writes reuse one Jackson writer per type).
 */
public final class HibernateInternals {

    static final String JACKSON_FORMAT_MAPPER =
            "org.hibernate.type.format.jackson.JacksonJsonFormatMapper";

    private static final Optional<Field> COMPONENT_TYPE =
            PrivateAccess.field(
                    Component.class,
                    "type",
                    "keeps Hibernate's own JSON mapping for values inside embeddables");

    private HibernateInternals() {}

    /** Returns whether an embeddable's cached type can be reset. */
    public static boolean componentTypeResettable() {
        return COMPONENT_TYPE.isPresent();
    }

    /**
     * Makes an embeddable compute its type again on next use.
     *
     * @param component the embeddable's boot model
     * @throws IllegalStateException when {@link #componentTypeResettable()} is false
     */
    public static void resetComponentType(Component component) {
        Field field =
                COMPONENT_TYPE.orElseThrow(
                        () -> new IllegalStateException("Component.type is not accessible"));
        try {
            field.set(component, null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reset the type of " + component, e);
        }
    }

    /**
     * Returns the Jackson {@code ObjectMapper} inside Hibernate's Jackson format mapper, or empty
     * for any other format mapper (and, with one warning, when the field is gone).
     *
     * @param mapper the session factory's JSON format mapper
     * @return the object mapper, typed {@code Object} so that Jackson need not be on the class path
     */
    public static Optional<Object> jacksonObjectMapper(FormatMapper mapper) {
        if (!mapper.getClass().getName().equals(JACKSON_FORMAT_MAPPER)) {
            return Optional.empty();
        }
        return PrivateAccess.field(
                        mapper.getClass(),
                        "objectMapper",
                        "writes bulk JSON values through the format mapper, one call per value")
                .map(
                        field -> {
                            try {
                                return field.get(mapper);
                            } catch (IllegalAccessException e) {
                                return null;
                            }
                        });
    }
}
