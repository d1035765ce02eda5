package dev.pgorm.types.internal;

import dev.pgorm.types.PgSqlTypes;
import java.util.Map;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * Binds a {@code Map<String, String>} as an {@code hstore} literal and reads the map pgjdbc makes
 * of an {@code hstore} column (text and binary results alike).
 */
final class HstoreJdbcType extends PgLiteralJdbcType {

    private static final long serialVersionUID = 1L;

    /** The descriptor for {@code PgSqlTypes.HSTORE}. */
    public static final HstoreJdbcType INSTANCE = new HstoreJdbcType();

    private HstoreJdbcType() {
        super(PgSqlTypes.HSTORE, "hstore");
    }

    /** Returns the {@code hstore} literal of a map: {@code "k"=>"v", "n"=>NULL}. */
    static String hstore(Map<?, ?> map) {
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

    @Override
    <X> String pgTypeName(JavaType<X> javaType, X value) {
        return "hstore";
    }

    @Override
    <X> String literal(JavaType<X> javaType, X value, WrapperOptions options) {
        return hstore(javaType.unwrap(value, Map.class, options));
    }

    @Override
    <X> X read(JavaType<X> javaType, Object raw, WrapperOptions options) {
        return javaType.wrap(raw, options); // pgjdbc returns hstore values as a Map
    }
}
