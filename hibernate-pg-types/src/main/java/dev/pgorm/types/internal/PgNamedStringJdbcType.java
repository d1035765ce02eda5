package dev.pgorm.types.internal;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * Binds a {@code String} as a value of a named PostgreSQL type ({@code ltree}, {@code citext},
 * {@code macaddr}...) so that the server neither rejects it ({@code ltree} has no cast from {@code
 * varchar}) nor compares it as text ({@code citext = varchar} would be case-sensitive).
 */
final class PgNamedStringJdbcType extends PgLiteralJdbcType {

    private static final long serialVersionUID = 1L;

    private final String pgType;

    public PgNamedStringJdbcType(int sqlTypeCode, String pgType) {
        super(sqlTypeCode, pgType);
        this.pgType = pgType;
    }

    @Override
    <X> String pgTypeName(JavaType<X> javaType, X value) {
        return pgType;
    }

    @Override
    <X> String literal(JavaType<X> javaType, X value, WrapperOptions options) {
        return javaType.unwrap(value, String.class, options);
    }

    @Override
    <X> X read(JavaType<X> javaType, Object raw, WrapperOptions options) {
        return javaType.wrap(text(raw), options);
    }
}
