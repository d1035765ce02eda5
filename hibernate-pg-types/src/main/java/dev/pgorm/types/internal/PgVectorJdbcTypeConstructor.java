package dev.pgorm.types.internal;

import java.sql.Types;
import org.hibernate.dialect.Dialect;
import org.hibernate.tool.schema.extract.spi.ColumnTypeInformation;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.ArrayJdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeConstructor;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Gives a {@code float[]} attribute with {@code @JdbcTypeCode(SqlTypes.VECTOR)} (or {@code
 * VECTOR_FLOAT32}, {@code VECTOR_FLOAT16}) a {@link PgVectorJdbcType} wrapping the JDBC type that
 * hibernate-vector registered for the code, and a {@code SPARSE_VECTOR_FLOAT32} attribute a {@link
 * PgSparseVectorJdbcType}.
 *
 * <p>Why a constructor: hibernate-vector's {@code TypeContributor} has Hibernate's default ordinal
 * (1000), so it runs after PG-ORM's (600) and its {@code addDescriptor} replaces whatever was
 * registered for the code before. Hibernate asks the constructor registered for an array
 * attribute's explicit type code first, and resolves attributes only after every contributor ran,
 * so the registry then holds hibernate-vector's type, which this constructor reads and wraps.
 */
final class PgVectorJdbcTypeConstructor implements JdbcTypeConstructor {

    private static final String HIBERNATE_VECTOR_PACKAGE = "org.hibernate.vector.";

    private final int sqlTypeCode;
    private final String typeName;

    PgVectorJdbcTypeConstructor(int sqlTypeCode, String typeName) {
        this.sqlTypeCode = sqlTypeCode;
        this.typeName = typeName;
    }

    @Override
    public JdbcType resolveType(
            TypeConfiguration typeConfiguration,
            Dialect dialect,
            JdbcType elementType,
            ColumnTypeInformation columnTypeInformation) {
        JdbcType registered = typeConfiguration.getJdbcTypeRegistry().findDescriptor(sqlTypeCode);
        if (sqlTypeCode == SqlTypes.SPARSE_VECTOR_FLOAT32) {
            return registered instanceof ArrayJdbcType array
                            && registered.getClass().getName().startsWith(HIBERNATE_VECTOR_PACKAGE)
                    ? new PgSparseVectorJdbcType(array)
                    : registered;
        }
        int element = elementType.getDefaultSqlTypeCode();
        boolean floats = element == Types.FLOAT || element == Types.REAL;
        if (floats
                && registered instanceof ArrayJdbcType array
                && registered.getClass().getName().startsWith(HIBERNATE_VECTOR_PACKAGE)) {
            return new PgVectorJdbcType(array, typeName);
        }
        return registered;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return sqlTypeCode;
    }

    @Override
    public String toString() {
        return "PgVectorJdbcTypeConstructor(" + typeName + ")";
    }
}
