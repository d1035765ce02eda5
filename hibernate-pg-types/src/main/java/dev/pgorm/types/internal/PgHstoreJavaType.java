package dev.pgorm.types.internal;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Map;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.AbstractJavaType;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;

/**
 * The Java type Hibernate resolved for a {@code Map} attribute mapped as {@code hstore} (its
 * snapshot, equality and reading unchanged), which also lets a {@code Map} query parameter take the
 * attribute's {@code hstore} mapping, as in {@code hstore_contains(i.tags, :probe)}: Hibernate
 * types a bare {@code HashMap} or {@code Map.of(...)} parameter as {@code Serializable} and would
 * bind it as Java serialization ({@code bytea}).
 */
final class PgHstoreJavaType<T> extends AbstractJavaType<T> {

    private static final long serialVersionUID = 1L;

    private final JavaType<T> resolved;

    /** Wraps the Java type Hibernate resolved for a {@code Map} attribute. */
    PgHstoreJavaType(JavaType<T> resolved) {
        super(resolved.getJavaType(), resolved.getMutabilityPlan());
        this.resolved = resolved;
    }

    /**
     * Lets in a query parameter that Hibernate typed {@code Serializable} (a {@code HashMap}, a
     * {@code Map.of(...)}) or typed as a map the attribute can hold. Text stays text: an {@code
     * hstore} literal in a {@code String} is cast on the server.
     */
    @Override
    public boolean isWider(JavaType<?> javaType) {
        Class<?> given = javaType.getJavaTypeClass();
        return given == Serializable.class
                || Map.class.isAssignableFrom(given) && getJavaTypeClass().isAssignableFrom(given);
    }

    @Override
    public <X> X unwrap(T value, Class<X> type, WrapperOptions options) {
        Object map = value;
        return type.isInstance(map) ? type.cast(map) : resolved.unwrap(value, type, options);
    }

    /**
     * Returns the value read or bound; a query parameter that {@link #isWider} let in but is not a
     * map fails here, before the statement is sent.
     */
    @Override
    public <X> T wrap(X value, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(
                    "An hstore value must be a Map<String, String> (in hstore_contains also an"
                            + " hstore literal String), not a "
                            + value.getClass().getName()
                            + ": "
                            + value);
        }
        return resolved.wrap(value, options);
    }

    @Override
    public boolean areEqual(T one, T another) {
        return resolved.areEqual(one, another);
    }

    @Override
    public int extractHashCode(T value) {
        return resolved.extractHashCode(value);
    }

    @Override
    public Comparator<T> getComparator() {
        return resolved.getComparator();
    }

    @Override
    public String extractLoggableRepresentation(T value) {
        return resolved.extractLoggableRepresentation(value);
    }

    @Override
    public String toString(T value) {
        return resolved.toString(value);
    }

    @Override
    public T fromString(CharSequence string) {
        return resolved.fromString(string);
    }

    @Override
    public JdbcType getRecommendedJdbcType(JdbcTypeIndicators context) {
        return resolved.getRecommendedJdbcType(context);
    }

    @Override
    public String getTypeName() {
        return resolved.getTypeName();
    }

    @Override
    public String toString() {
        return "PgHstoreJavaType(" + getTypeName() + ")";
    }
}
