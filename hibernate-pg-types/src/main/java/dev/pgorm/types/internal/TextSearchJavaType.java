package dev.pgorm.types.internal;

import dev.pgorm.types.PgTsQuery;
import dev.pgorm.types.PgTsVector;
import java.util.function.Function;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.AbstractClassJavaType;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;

/** Hibernate's view of {@link PgTsVector} and {@link PgTsQuery}: text literals of their types. */
public final class TextSearchJavaType<T> extends AbstractClassJavaType<T> implements PgTextType {

    private static final long serialVersionUID = 1L;

    public static final TextSearchJavaType<PgTsVector> TSVECTOR =
            new TextSearchJavaType<>(
                    PgTsVector.class, "tsvector", PgTypeCodes.TSVECTOR, PgTsVector::of);
    public static final TextSearchJavaType<PgTsQuery> TSQUERY =
            new TextSearchJavaType<>(
                    PgTsQuery.class, "tsquery", PgTypeCodes.TSQUERY, PgTsQuery::of);

    private final String pgType;
    private final int code;
    private final transient Function<String, T> factory;

    private TextSearchJavaType(
            Class<T> type, String pgType, int code, Function<String, T> factory) {
        super(type, ImmutableMutabilityPlan.instance());
        this.pgType = pgType;
        this.code = code;
        this.factory = factory;
    }

    @Override
    public JdbcType getRecommendedJdbcType(JdbcTypeIndicators indicators) {
        return indicators.getTypeConfiguration().getJdbcTypeRegistry().getDescriptor(code);
    }

    @Override
    public String pgTypeName(Object value) {
        return pgType;
    }

    @Override
    public String literal(Object value) {
        return value.toString();
    }

    @Override
    public Object fromLiteral(String literal, String pgTypeName) {
        return factory.apply(literal);
    }

    @Override
    public T fromString(CharSequence string) {
        return factory.apply(string.toString());
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
        throw unknownWrap(value.getClass());
    }
}
