package dev.pgorm.types.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
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
 * Binds a {@code Map<String, String>} as an {@code hstore} literal and reads the map pgjdbc makes
 * of an {@code hstore} column (text and binary results alike).
 */
public final class HstoreJdbcType implements JdbcType {

    private static final long serialVersionUID = 1L;

    /** The descriptor for {@code PgSqlTypes.HSTORE}. */
    public static final HstoreJdbcType INSTANCE = new HstoreJdbcType();

    private HstoreJdbcType() {}

    @Override
    public int getJdbcTypeCode() {
        return Types.OTHER;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return dev.pgorm.types.PgSqlTypes.HSTORE;
    }

    @Override
    public String getFriendlyName() {
        return "hstore";
    }

    /** Returns the {@code hstore} literal of a map: {@code "k"=>"v", "n"=>NULL}. */
    static String literal(Map<?, ?> map) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("hstore keys cannot be null: " + map);
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            quote(sb, e.getKey().toString());
            sb.append("=>");
            if (e.getValue() == null) {
                sb.append("NULL");
            } else {
                quote(sb, e.getValue().toString());
            }
        }
        return sb.toString();
    }

    private static void quote(StringBuilder sb, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "hstore keys and values cannot contain the NUL character: " + s);
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    private static <X> PGobject object(JavaType<X> javaType, X value, WrapperOptions options)
            throws SQLException {
        PGobject object = new PGobject();
        object.setType("hstore");
        object.setValue(literal(javaType.unwrap(value, Map.class, options)));
        return object;
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
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
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
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

            private X read(Object map, WrapperOptions options) {
                return map == null ? null : javaType.wrap(map, options);
            }
        };
    }

    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return (appender, value, dialect, options) ->
                appender.appendSql(
                        "cast('"
                                + literal(javaType.unwrap(value, Map.class, options))
                                        .replace("'", "''")
                                + "' as hstore)");
    }
}
