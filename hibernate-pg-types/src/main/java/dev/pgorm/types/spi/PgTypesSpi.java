package dev.pgorm.types.spi;

import dev.pgorm.types.PgTsQuery;
import dev.pgorm.types.PgTsVector;
import dev.pgorm.types.internal.PgMultirangeJavaType;
import dev.pgorm.types.internal.PgRangeJavaType;
import dev.pgorm.types.internal.PgTypeCodes;
import dev.pgorm.types.internal.RangeElement;
import dev.pgorm.types.internal.TextSearchJavaType;
import org.hibernate.type.BasicType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Answers other PG-ORM modules' questions about the types module's mappings: the element type of a
 * range mapping, and the registered text-search types.
 *
 * @since 0.1
 */
public final class PgTypesSpi {

    private PgTypesSpi() {}

    /**
     * Returns whether a Java type descriptor is PG-ORM's range or multirange mapping.
     *
     * @param javaType a {@code JavaType} descriptor, or any object
     * @return true for {@code PgRange} and {@code PgMultirange} descriptors
     */
    public static boolean isRangeOrMultirange(Object javaType) {
        return javaType instanceof PgRangeJavaType || javaType instanceof PgMultirangeJavaType;
    }

    /**
     * Returns the element class of a typed range mapping ({@code PgRange<LocalDate>} gives {@code
     * LocalDate}).
     *
     * @param javaType a {@code JavaType} descriptor, or any object
     * @return the element class, or null for a raw range or anything else
     */
    public static Class<?> rangeElementClass(Object javaType) {
        return javaType instanceof PgRangeJavaType range ? range.elementClass() : null;
    }

    /**
     * Returns PostgreSQL's name of a range element's type ({@code LocalDate} gives {@code date}).
     *
     * @param elementClass a class that {@code PgRange} supports as element
     * @return the SQL type name, for a cast
     * @throws IllegalArgumentException for a class ranges do not support
     */
    public static String rangeElementSqlType(Class<?> elementClass) {
        return RangeElement.of(elementClass).elementSqlType();
    }

    /**
     * Returns the {@code tsvector} type as the types module registered it.
     *
     * @param types the type configuration being built
     * @return the type, or null when the types module is switched off
     */
    public static BasicType<PgTsVector> tsvectorType(TypeConfiguration types) {
        return resolve(types, TextSearchJavaType.TSVECTOR, PgTypeCodes.TSVECTOR);
    }

    /**
     * Returns the {@code tsquery} type as the types module registered it.
     *
     * @param types the type configuration being built
     * @return the type, or null when the types module is switched off
     */
    public static BasicType<PgTsQuery> tsqueryType(TypeConfiguration types) {
        return resolve(types, TextSearchJavaType.TSQUERY, PgTypeCodes.TSQUERY);
    }

    private static <T> BasicType<T> resolve(
            TypeConfiguration types, TextSearchJavaType<T> javaType, int code) {
        JdbcType jdbcType = types.getJdbcTypeRegistry().findDescriptor(code);
        return jdbcType == null ? null : types.getBasicTypeRegistry().resolve(javaType, jdbcType);
    }
}
