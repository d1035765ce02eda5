package dev.pgorm.types.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.postgresql.util.PGobject;

/**
 * Binds and reads a value as a PostgreSQL literal of a named type through pgjdbc's {@link
 * PGobject}; the Java side is a {@link PgTextType}.
 */
public final class PgObjectJdbcType implements JdbcType {

    private static final long serialVersionUID = 1L;

    private final int sqlTypeCode;
    private final String friendlyName;

    public PgObjectJdbcType(int sqlTypeCode, String friendlyName) {
        this.sqlTypeCode = sqlTypeCode;
        this.friendlyName = friendlyName;
    }

    @Override
    public int getJdbcTypeCode() {
        return Types.OTHER;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return sqlTypeCode;
    }

    @Override
    public String getFriendlyName() {
        return friendlyName;
    }

    @Override
    public String toString() {
        return "PgObjectJdbcType(" + friendlyName + ")";
    }

    private static PgTextType text(JavaType<?> javaType) {
        if (javaType instanceof PgTextType t) {
            return t;
        }
        throw new IllegalStateException(javaType + " cannot be bound as a PostgreSQL literal");
    }

    private static Object object(PgTextType type, Object value) throws SQLException {
        String name = type.pgTypeName(value);
        String literal = type.literal(value);
        if (name == null) {
            return literal;
        }
        PGobject object = new PGobject();
        object.setType(name);
        object.setValue(literal);
        return object;
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        PgTextType type = text(javaType);
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                st.setObject(index, object(type, value), Types.OTHER);
            }

            @Override
            protected void doBind(
                    CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setObject(name, object(type, value), Types.OTHER);
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        PgTextType type = text(javaType);
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options)
                    throws SQLException {
                return read(rs.getObject(paramIndex), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options)
                    throws SQLException {
                return read(statement.getObject(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return read(statement.getObject(name), options);
            }

            private X read(Object raw, WrapperOptions options) {
                if (raw == null) {
                    return null;
                }
                Object value =
                        raw instanceof PGobject pg
                                ? (pg.getValue() == null
                                        ? null
                                        : type.fromLiteral(pg.getValue(), pg.getType()))
                                : type.fromLiteral(raw.toString(), null);
                return javaType.wrap(value, options);
            }
        };
    }

    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        PgTextType type = text(javaType);
        return (appender, value, dialect, options) -> {
            String name = type.pgTypeName(value);
            appender.appendSql(
                    "'"
                            + type.literal(value).replace("'", "''")
                            + "'"
                            + (name == null ? "" : "::" + name));
        };
    }

    @Override
    public Class<?> getPreferredJavaTypeClass(WrapperOptions options) {
        return null;
    }
}
