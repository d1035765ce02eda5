package dev.pgorm.types.internal;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.postgresql.util.PGobject;

/**
 * Binds and reads a value as a PostgreSQL literal of a named type through pgjdbc's {@link
 * PGobject}; the Java side is a {@link PgTextType}.
 */
final class PgObjectJdbcType extends PgLiteralJdbcType {

    private static final long serialVersionUID = 1L;

    public PgObjectJdbcType(int sqlTypeCode, String friendlyName) {
        super(sqlTypeCode, friendlyName);
    }

    private static PgTextType text(JavaType<?> javaType) {
        if (javaType instanceof PgTextType t) {
            return t;
        }
        throw new IllegalStateException(javaType + " cannot be bound as a PostgreSQL literal");
    }

    @Override
    <X> String pgTypeName(JavaType<X> javaType, X value) {
        return text(javaType).pgTypeName(value);
    }

    @Override
    <X> String literal(JavaType<X> javaType, X value, WrapperOptions options) {
        return text(javaType).literal(value);
    }

    @Override
    <X> X read(JavaType<X> javaType, Object raw, WrapperOptions options) {
        PgTextType type = text(javaType);
        Object value;
        if (raw instanceof PGobject pg) {
            value = pg.getValue() == null ? null : type.fromLiteral(pg.getValue(), pg.getType());
        } else {
            value = type.fromLiteral(raw.toString(), null);
        }
        return javaType.wrap(value, options);
    }
}
