package dev.pgorm.types.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.ArrayJdbcType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.postgresql.util.PGobject;

/**
 * hibernate-vector's JDBC type for {@code float[]} vector columns with binary transfer: binds a
 * {@link PgVectorObject} and reads what pgjdbc returns (binary, or text in pgjdbc's text mode).
 * Everything else (SQL casts, literals, the Java type) is the wrapped hibernate-vector type's, so
 * its HQL functions render as before.
 */
final class PgVectorJdbcType extends HibernateVectorWrapper {

    private static final long serialVersionUID = 1L;

    private final String typeName;

    PgVectorJdbcType(ArrayJdbcType hibernateVector, String typeName) {
        super(hibernateVector);
        this.typeName = typeName;
    }

    /** Returns the PostgreSQL type, {@code vector} or {@code halfvec}. */
    String typeName() {
        return typeName;
    }

    @Override
    public Class<?> getPreferredJavaTypeClass(WrapperOptions options) {
        return float[].class;
    }

    @Override
    public String getFriendlyName() {
        return typeName;
    }

    @Override
    public String toString() {
        return "PgVectorJdbcType(" + typeName + ", binary)";
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                PgVectorConnections.prepare(st.getConnection());
                st.setObject(index, object(value, options));
            }

            @Override
            protected void doBind(
                    CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                PgVectorConnections.prepare(st.getConnection());
                st.setObject(name, object(value, options));
            }

            private PgVectorObject object(X value, WrapperOptions options) {
                return new PgVectorObject(
                        typeName,
                        value instanceof float[] floats
                                ? floats
                                : javaType.unwrap(value, float[].class, options));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options)
                    throws SQLException {
                Object raw = rs.getObject(paramIndex);
                if (raw != null && !(raw instanceof PgVectorObject)) {
                    // first read on this connection: binary from the next statement on
                    Statement statement = rs.getStatement();
                    PgVectorConnections.prepare(
                            statement == null ? null : statement.getConnection());
                }
                return javaType.wrap(values(raw), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(values(statement.getObject(index)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(values(statement.getObject(name)), options);
            }
        };
    }

    private static float[] values(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof PgVectorObject vector) {
            return vector.values();
        }
        String text = raw instanceof PGobject pg ? pg.getValue() : raw.toString();
        return text == null ? null : VectorCodec.parse(text);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PgVectorJdbcType other
                && typeName.equals(other.typeName)
                && hibernateVector.equals(other.hibernateVector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeName, hibernateVector);
    }
}
