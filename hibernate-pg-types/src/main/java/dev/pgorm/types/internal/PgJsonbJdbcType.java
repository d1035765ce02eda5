package dev.pgorm.types.internal;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonbType;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;

/**
 * Hibernate's {@code jsonb} binding, except that a {@code Map} or {@code List} attribute with
 * PG-ORM's JSON descriptor is read as a {@link LazyJsonMap}/{@link LazyJsonList}, parsed on first
 * use, and an unparsed one is written back as the text it was read as.
 */
final class PgJsonbJdbcType extends PostgreSQLJsonPGObjectJsonbType {

    private static final long serialVersionUID = 1L;

    /** The descriptor used for {@code jsonb} attributes with PG-ORM's JSON descriptor. */
    public static final PgJsonbJdbcType INSTANCE = new PgJsonbJdbcType();

    private PgJsonbJdbcType() {}

    /**
     * Returns whether values of this descriptor are read lazily: declared {@code Map} or {@code
     * List}.
     */
    private static boolean lazy(JavaType<?> javaType) {
        if (javaType instanceof PgJsonJavaType<?> json) {
            Class<?> declared = json.getJavaTypeClass();
            return declared == Map.class || declared == List.class;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <X> X lazyValue(String json, JavaType<X> javaType, WrapperOptions options) {
        if (json == null || json.equals("null")) {
            return null; // SQL null, or the JSON document null ('null'::jsonb)
        }
        // the factory's options: a detached value must not keep its session alive
        LazyJson document =
                new LazyJson(json, javaType, options.getSessionFactory().getWrapperOptions());
        return (X)
                (javaType.getJavaTypeClass() == Map.class
                        ? new LazyJsonMap<>(document)
                        : new LazyJsonList<>(document));
    }

    @Override
    protected <X> X fromString(String string, JavaType<X> javaType, WrapperOptions options)
            throws SQLException {
        return lazy(javaType)
                ? lazyValue(string, javaType, options)
                : super.fromString(string, javaType, options);
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        if (!lazy(javaType)) {
            return super.getExtractor(javaType);
        }
        // getString: no PGobject per row, the same cost as reading a text column
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options)
                    throws SQLException {
                return lazyValue(rs.getString(paramIndex), javaType, options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options)
                    throws SQLException {
                return lazyValue(statement.getString(index), javaType, options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return lazyValue(statement.getString(name), javaType, options);
            }
        };
    }

    @Override
    protected <X> String toString(X value, JavaType<X> javaType, WrapperOptions options) {
        if (value instanceof LazyJsonValue lazy && !lazy.document().parsed()) {
            return lazy.document().json();
        }
        return super.toString(value, javaType, options);
    }
}
