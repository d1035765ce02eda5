package dev.pgorm.types.internal;

import dev.pgorm.types.PgTsQuery;
import dev.pgorm.types.PgTsVector;
import java.util.function.Function;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;

/** Hibernate's view of {@link PgTsVector} and {@link PgTsQuery}: text literals of their types. */
public final class TextSearchJavaType<T> extends PgTextJavaType<T> {

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
        super(type);
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
    public Object fromLiteral(String literal, String pgTypeName) {
        return factory.apply(literal);
    }

    @Override
    public T fromString(CharSequence string) {
        return factory.apply(string.toString());
    }
}
