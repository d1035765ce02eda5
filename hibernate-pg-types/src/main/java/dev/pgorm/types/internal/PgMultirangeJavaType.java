package dev.pgorm.types.internal;

import dev.pgorm.types.PgMultirange;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.hibernate.type.spi.TypeConfiguration;

/** Hibernate's view of {@link PgMultirange}, one descriptor per type argument, like ranges. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class PgMultirangeJavaType extends PgTextJavaType<PgMultirange> {

    private static final long serialVersionUID = 1L;

    /** The descriptor of {@code PgMultirange} without a known type argument. */
    public static final PgMultirangeJavaType RAW = new PgMultirangeJavaType(null);

    private final transient RangeElement element;

    private PgMultirangeJavaType(RangeElement element) {
        super(PgMultirange.class);
        this.element = element;
    }

    @Override
    public JavaType<PgMultirange> createJavaType(
            ParameterizedType parameterizedType, TypeConfiguration typeConfiguration) {
        Type argument = parameterizedType.getActualTypeArguments()[0];
        if (argument instanceof Class<?> elementClass) {
            return new PgMultirangeJavaType(RangeElement.of(elementClass));
        }
        return RAW;
    }

    @Override
    public JdbcType getRecommendedJdbcType(JdbcTypeIndicators indicators) {
        RangeElement<?> known = element;
        if (known == null) {
            // PgMultirange<LocalDate>[] reaches us erased, as the element of PgMultirange[]
            Class<?> argument = ArrayAttributeElement.of(indicators, PgMultirange.class);
            known = argument == null ? null : RangeElement.of(argument);
        }
        int code = known == null ? PgTypeCodes.MULTIRANGE_UNTYPED : PgTypeCodes.multirange(known);
        return indicators.getTypeConfiguration().getJdbcTypeRegistry().getDescriptor(code);
    }

    @Override
    public String pgTypeName(Object value) {
        if (element != null) {
            return element.multirangeType();
        }
        Class<?> type = ((PgMultirange) value).elementType();
        return type == null ? null : RangeElement.of(type).multirangeType();
    }

    @Override
    public Object fromLiteral(String literal, String pgTypeName) {
        RangeElement<?> e = element;
        if (e == null) {
            for (RangeElement<?> candidate : PgTypeCodes.elements()) {
                if (candidate.multirangeType().equals(pgTypeName)) {
                    e = candidate;
                    break;
                }
            }
        }
        if (e == null) {
            throw new IllegalArgumentException(
                    "cannot read a PgMultirange from a value of type "
                            + pgTypeName
                            + "; declare the attribute as PgMultirange<ElementType>");
        }
        return PgMultirange.parse(literal, e.javaType());
    }

    @Override
    public PgMultirange fromString(CharSequence string) {
        if (element == null) {
            throw new IllegalArgumentException(
                    "PgMultirange needs a type argument to be read from '" + string + "'");
        }
        return PgMultirange.parse(string.toString(), element.javaType());
    }
}
