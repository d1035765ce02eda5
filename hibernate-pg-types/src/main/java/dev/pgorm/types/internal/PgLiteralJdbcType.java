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
 * The binding all of PG-ORM's PostgreSQL-only types share: a value goes out as the text literal of
 * a named type in a pgjdbc {@link PGobject} (so the server parses it as that type, never as {@code
 * varchar}), comes back through {@code getObject}, and appears in SQL as {@code 'literal'::type}.
 * Subclasses say how a value becomes a literal and how what pgjdbc returns becomes a value.
 */
abstract class PgLiteralJdbcType implements JdbcType {

    private static final long serialVersionUID = 1L;

    private final int sqlTypeCode;
    private final String friendlyName;

    PgLiteralJdbcType(int sqlTypeCode, String friendlyName) {
        this.sqlTypeCode = sqlTypeCode;
        this.friendlyName = friendlyName;
    }

    /** Returns the PostgreSQL type to send a value as, or null to let the server infer it. */
    abstract <X> String pgTypeName(JavaType<X> javaType, X value);

    /** Returns the literal of a non-null value. */
    abstract <X> String literal(JavaType<X> javaType, X value, WrapperOptions options);

    /** Returns the value of what pgjdbc's {@code getObject} returned (never null). */
    abstract <X> X read(JavaType<X> javaType, Object raw, WrapperOptions options);

    @Override
    public final int getJdbcTypeCode() {
        return Types.OTHER;
    }

    @Override
    public final int getDefaultSqlTypeCode() {
        return sqlTypeCode;
    }

    @Override
    public final String getFriendlyName() {
        return friendlyName;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + friendlyName + ")";
    }

    @Override
    public Class<?> getPreferredJavaTypeClass(WrapperOptions options) {
        return null;
    }

    private <X> Object object(JavaType<X> javaType, X value, WrapperOptions options)
            throws SQLException {
        String name = pgTypeName(javaType, value);
        String literal = literal(javaType, value, options);
        if (name == null) {
            return literal;
        }
        PGobject object = new PGobject();
        object.setType(name);
        object.setValue(literal);
        return object;
    }

    @Override
    public final <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                st.setObject(index, object(javaType, value, options), Types.OTHER);
            }

            @Override
            protected void doBind(
                    CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setObject(name, object(javaType, value, options), Types.OTHER);
            }
        };
    }

    @Override
    public final <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options)
                    throws SQLException {
                return value(rs.getObject(paramIndex), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options)
                    throws SQLException {
                return value(statement.getObject(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return value(statement.getObject(name), options);
            }

            private X value(Object raw, WrapperOptions options) {
                return raw == null ? null : read(javaType, raw, options);
            }
        };
    }

    @Override
    public final <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return (appender, value, dialect, options) -> {
            String name = pgTypeName(javaType, value);
            appender.appendSql(
                    "'"
                            + literal(javaType, value, options).replace("'", "''")
                            + "'"
                            + (name == null ? "" : "::" + name));
        };
    }

    /** Returns the text of a value pgjdbc returned for a type it has no class for. */
    static String text(Object raw) {
        return raw instanceof PGobject pg ? pg.getValue() : raw.toString();
    }
}
