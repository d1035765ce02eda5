package dev.pgorm.types.internal;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.AbstractClassJavaType;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.postgresql.util.PGobject;

/**
 * The Java side shared by PG-ORM's immutable text-literal types: values are their own JDBC
 * representation, or their literal as a {@code String}, and are read from text or from the {@code
 * PGobject}s pgjdbc hands out as elements of an array.
 */
abstract class PgTextJavaType<T> extends AbstractClassJavaType<T> implements PgTextType {

    private static final long serialVersionUID = 1L;

    /** Creates the descriptor of an immutable value class. */
    protected PgTextJavaType(Class<T> type) {
        super(type, ImmutableMutabilityPlan.instance());
    }

    @Override
    public String literal(Object value) {
        return value.toString();
    }

    @Override
    public String toString(T value) {
        return value.toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> X unwrap(T value, Class<X> type, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return (X) value;
        }
        if (type == String.class) {
            return (X) value.toString();
        }
        throw unknownUnwrap(type);
    }

    @Override
    public <X> T wrap(X value, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        if (getJavaTypeClass().isInstance(value)) {
            return getJavaTypeClass().cast(value);
        }
        if (value instanceof CharSequence text) {
            return fromString(text);
        }
        if (value instanceof PGobject object && object.getValue() != null) {
            // elements of an array column, as pgjdbc hands them out
            return getJavaTypeClass().cast(fromLiteral(object.getValue(), object.getType()));
        }
        throw unknownWrap(value.getClass());
    }
}
