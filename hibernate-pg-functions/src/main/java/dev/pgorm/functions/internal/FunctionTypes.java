package dev.pgorm.functions.internal;

import dev.pgorm.types.internal.PgTypeCodes;
import dev.pgorm.types.internal.TextSearchJavaType;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * The result types of the functions, resolved once per boot from its type configuration.
 *
 * @param bool Boolean
 * @param dbl Double
 * @param string String
 * @param tsvector {@code PgTsVector}, or String when the types module is switched off
 * @param tsquery {@code PgTsQuery}, or String when the types module is switched off
 */
record FunctionTypes(
        BasicType<Boolean> bool,
        BasicType<Double> dbl,
        BasicType<String> string,
        BasicType<?> tsvector,
        BasicType<?> tsquery) {

    /** Resolves the types from {@code types}. */
    static FunctionTypes of(TypeConfiguration types) {
        BasicType<String> string = types.getBasicTypeRegistry().resolve(StandardBasicTypes.STRING);
        return new FunctionTypes(
                types.getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN),
                types.getBasicTypeRegistry().resolve(StandardBasicTypes.DOUBLE),
                string,
                textSearchType(types, TextSearchJavaType.TSVECTOR, PgTypeCodes.TSVECTOR, string),
                textSearchType(types, TextSearchJavaType.TSQUERY, PgTypeCodes.TSQUERY, string));
    }

    private static BasicType<?> textSearchType(
            TypeConfiguration types,
            TextSearchJavaType<?> javaType,
            int code,
            BasicType<String> string) {
        JdbcType jdbcType = types.getJdbcTypeRegistry().findDescriptor(code);
        if (jdbcType == null) {
            return string; // the types module is switched off: results come back as text
        }
        return types.getBasicTypeRegistry().resolve(javaType, jdbcType);
    }
}
