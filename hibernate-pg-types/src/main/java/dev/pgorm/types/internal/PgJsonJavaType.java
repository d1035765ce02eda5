package dev.pgorm.types.internal;

import java.io.Serializable;
import java.lang.reflect.Type;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.java.spi.JsonJavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Hibernate's JSON descriptor (reading and writing stay with the configured JSON {@code
 * FormatMapper}) with a structural snapshot and dirty check instead of serializing and parsing the
 * document: maps, lists, scalars, records, JavaBeans and Jackson trees are copied and compared
 * field by field ({@link JsonStructure}). A value that cannot be walked falls back to the JSON
 * text: the copy parses the serialized value, the comparison compares serialized values.
 */
final class PgJsonJavaType<T> extends JsonJavaType<T> {

    private static final long serialVersionUID = 1L;

    private final TypeConfiguration typeConfiguration;

    /** Creates the descriptor of a declared attribute type. */
    PgJsonJavaType(Type type, TypeConfiguration typeConfiguration) {
        super(type, null, typeConfiguration);
        this.typeConfiguration = typeConfiguration;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deepCopy(T value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LazyJsonValue lazy && !lazy.document().parsed()) {
            // an unread document: the snapshot shares its text
            LazyJson text = lazy.document().sameText();
            return (T)
                    (value instanceof LazyJsonMap
                            ? new LazyJsonMap<>(text)
                            : new LazyJsonList<>(text));
        }
        try {
            Object copy = JsonStructure.copy(parsed(value));
            if (getJavaTypeClass().isInstance(copy)) {
                return (T) copy;
            }
            // e.g. an attribute declared EnumMap: a structural copy would be a LinkedHashMap
        } catch (JsonStructure.Unsupported e) {
            // a value the walk cannot copy: Hibernate's serialize-and-parse copy below
        }
        return fromString(toString(value));
    }

    /**
     * Lets a query parameter take the attribute's JSON mapping where Hibernate infers it from the
     * attribute, as in {@code jsonb_contains(p.attrs, :probe)}, when its value is of the
     * attribute's type or of a class Hibernate has no type for: Hibernate types such a value (a
     * {@code HashMap}, a serializable record) as {@code Serializable} and would bind it as Java
     * serialization ({@code bytea}). Text stays text (a JSON document passed as a {@code String} is
     * cast on the server), and an attribute declared {@code Object} widens nothing.
     */
    @Override
    public boolean isWider(JavaType<?> javaType) {
        Class<?> declared = getJavaTypeClass();
        Class<?> given = javaType.getJavaTypeClass();
        return declared != Object.class
                && (given == Serializable.class
                        || !CharSequence.class.isAssignableFrom(given)
                                && declared.isAssignableFrom(given));
    }

    /**
     * Converts a query parameter that {@link #isWider} let in: a value of another class (a record
     * passed where the attribute is a {@code Map}) goes through its JSON form; text is parsed as
     * Hibernate does.
     */
    @Override
    public <X> T wrap(X value, WrapperOptions options) {
        if (value == null || getJavaTypeClass().isInstance(value) || value instanceof String) {
            return super.wrap(value, options);
        }
        FormatMapper json = getFormatMapper(typeConfiguration);
        String text;
        try {
            text = json.toString(value, javaTypeOf(value), options);
            return json.fromString(text, this, options);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "A value of "
                            + value.getClass().getName()
                            + " cannot be used as JSON of type "
                            + getTypeName()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @SuppressWarnings("unchecked")
    private <X> JavaType<X> javaTypeOf(X value) {
        return (JavaType<X>)
                typeConfiguration.getJavaTypeRegistry().resolveDescriptor(value.getClass());
    }

    @Override
    public String toString(T value) {
        if (value instanceof LazyJsonValue lazy && !lazy.document().parsed()) {
            return lazy.document().json(); // no parse for the second-level cache or unwrap
        }
        return super.toString(value);
    }

    @Override
    public boolean areEqual(T one, T another) {
        if (one == another) {
            return true;
        }
        if (one == null || another == null) {
            return false;
        }
        if (one instanceof LazyJsonValue a
                && another instanceof LazyJsonValue b
                && !a.document().parsed()
                && !b.document().parsed()
                && a.document().json().equals(b.document().json())) {
            return true; // neither was read since it came from the database as this same text
        }
        try {
            return JsonStructure.equal(parsed(one), parsed(another));
        } catch (JsonStructure.Unsupported e) {
            return toString(one).equals(toString(another));
        }
    }

    private static Object parsed(Object value) {
        return value instanceof LazyJsonValue lazy ? lazy.document().value() : value;
    }

    @Override
    public String toString() {
        return "PgJsonJavaType(" + getTypeName() + ")";
    }
}
