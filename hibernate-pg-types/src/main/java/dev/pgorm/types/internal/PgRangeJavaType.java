package dev.pgorm.types.internal;

import dev.pgorm.types.PgRange;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Hibernate's view of {@link PgRange}: the raw descriptor registered for the class creates one
 * descriptor per type argument, whose JDBC type (and so column type) is that element's range type.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class PgRangeJavaType extends PgTextJavaType<PgRange> {

    private static final long serialVersionUID = 1L;

    /** The descriptor of {@code PgRange} without a known type argument. */
    public static final PgRangeJavaType RAW = new PgRangeJavaType(null);

    private final transient RangeElement element;

    private PgRangeJavaType(RangeElement element) {
        super(PgRange.class);
        this.element = element;
    }

    /** Returns the descriptor for ranges of the given element. */
    public static PgRangeJavaType of(RangeElement<?> element) {
        return new PgRangeJavaType(element);
    }

    @Override
    public JavaType<PgRange> createJavaType(
            ParameterizedType parameterizedType, TypeConfiguration typeConfiguration) {
        Type argument = parameterizedType.getActualTypeArguments()[0];
        if (argument instanceof Class<?> elementClass) {
            return of(RangeElement.of(elementClass));
        }
        return RAW;
    }

    /** Returns the element class, or null for the raw descriptor. */
    public Class<?> elementClass() {
        return element == null ? null : element.javaType();
    }

    @Override
    public JdbcType getRecommendedJdbcType(JdbcTypeIndicators indicators) {
        RangeElement<?> known = element;
        if (known == null) {
            // PgRange<LocalDate>[] reaches us erased, as the element of PgRange[]
            Class<?> argument = ArrayAttributeElement.of(indicators, PgRange.class);
            known = argument == null ? null : RangeElement.of(argument);
        }
        int code = known == null ? PgTypeCodes.RANGE_UNTYPED : PgTypeCodes.range(known);
        return indicators.getTypeConfiguration().getJdbcTypeRegistry().getDescriptor(code);
    }

    @Override
    public String pgTypeName(Object value) {
        if (element != null) {
            return element.rangeType();
        }
        Class<?> type = ((PgRange) value).elementType();
        return type == null ? null : RangeElement.of(type).rangeType();
    }

    @Override
    public Object fromLiteral(String literal, String pgTypeName) {
        return PgRange.parse(literal, elementFor(pgTypeName).javaType());
    }

    private RangeElement<?> elementFor(String pgTypeName) {
        if (element != null) {
            return element;
        }
        for (RangeElement<?> e : PgTypeCodes.elements()) {
            if (e.rangeType().equals(pgTypeName)) {
                return e;
            }
        }
        throw new IllegalArgumentException(
                "cannot read a PgRange from a value of type "
                        + pgTypeName
                        + "; declare the attribute as PgRange<ElementType>");
    }

    @Override
    public PgRange fromString(CharSequence string) {
        if (element == null) {
            throw new IllegalArgumentException(
                    "PgRange needs a type argument to be read from '" + string + "'");
        }
        return PgRange.parse(string.toString(), element.javaType());
    }

    @Override
    public String toString() {
        return "PgRangeJavaType(" + (element == null ? "?" : element) + ")";
    }
}
