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
 * Binds a {@code String} as a value of a named PostgreSQL type ({@code ltree}, {@code citext},
 * {@code macaddr}...) so that the server neither rejects it ({@code ltree} has no cast from {@code
 * varchar}) nor compares it as text ({@code citext = varchar} would be case-sensitive).
 */
public final class PgNamedStringJdbcType implements JdbcType {

    private static final long serialVersionUID = 1L;

    private final int sqlTypeCode;
    private final String pgType;

    public PgNamedStringJdbcType(int sqlTypeCode, String pgType) {
        this.sqlTypeCode = sqlTypeCode;
        this.pgType = pgType;
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
        return pgType;
    }

    @Override
    public String toString() {
        return "PgNamedStringJdbcType(" + pgType + ")";
    }

    private PGobject object(String value) throws SQLException {
        PGobject object = new PGobject();
        object.setType(pgType);
        object.setValue(value);
        return object;
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                st.setObject(
                        index, object(javaType.unwrap(value, String.class, options)), Types.OTHER);
            }

            @Override
            protected void doBind(
                    CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setObject(
                        name, object(javaType.unwrap(value, String.class, options)), Types.OTHER);
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(rs.getString(paramIndex), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(statement.getString(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(statement.getString(name), options);
            }
        };
    }

    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return (appender, value, dialect, options) ->
                appender.appendSql(
                        "cast('"
                                + javaType.unwrap(value, String.class, options).replace("'", "''")
                                + "' as "
                                + pgType
                                + ")");
    }
}
