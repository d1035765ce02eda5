package dev.pgorm.types.internal;

import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.ArrayJdbcType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;

/**
 * hibernate-vector's {@code sparsevec} type with a binder that writes every sparse vector:
 * hibernate-vector 7.4 writes one without non-zero elements as {@code }/5}, which PostgreSQL
 * refuses. A sparse vector is a {@code List<Float>} of its dense values, so it is written from that
 * ({@code {2:1.5,5:-2}/5}, indices from 1) without depending on hibernate-vector's classes.
 */
final class PgSparseVectorJdbcType extends HibernateVectorWrapper {

    private static final long serialVersionUID = 1L;

    PgSparseVectorJdbcType(ArrayJdbcType hibernateVector) {
        super(hibernateVector);
    }

    private static final ClassValue<Method> INDICES =
            new ClassValue<>() {
                @Override
                protected Method computeValue(Class<?> type) {
                    try {
                        return type.getMethod("indices");
                    } catch (NoSuchMethodException e) {
                        return null;
                    }
                }
            };

    /** Returns whether a sparse vector has no non-zero element (unknown: false). */
    static boolean allZero(Object vector) {
        Method indices = INDICES.get(vector.getClass());
        if (indices == null) {
            return false;
        }
        try {
            return indices.invoke(vector) instanceof int[] array && array.length == 0;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Returns pgvector's text form of a sparse vector given as its dense values. */
    static String literal(List<?> dense) {
        StringBuilder sb = new StringBuilder(16 + dense.size());
        sb.append('{');
        boolean first = true;
        for (int i = 0; i < dense.size(); i++) {
            float value = ((Number) dense.get(i)).floatValue();
            if (value != 0f) {
                if (!first) {
                    sb.append(',');
                }
                sb.append(i + 1).append(':').append(value);
                first = false;
            }
        }
        return sb.append("}/").append(dense.size()).toString();
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        ValueBinder<X> theirs = hibernateVector.getBinder(javaType);
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                if (value instanceof List<?> dense && allZero(value)) {
                    st.setString(index, literal(dense));
                } else {
                    theirs.bind(st, value, index, options);
                }
            }

            @Override
            protected void doBind(
                    CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                if (value instanceof List<?> dense && allZero(value)) {
                    st.setString(name, literal(dense));
                } else {
                    theirs.bind(st, value, name, options);
                }
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return hibernateVector.getExtractor(javaType);
    }

    @Override
    public String toString() {
        return "PgSparseVectorJdbcType(sparsevec)";
    }
}
