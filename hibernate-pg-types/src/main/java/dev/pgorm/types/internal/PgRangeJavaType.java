package dev.pgorm.types.internal;

import dev.pgorm.types.PgRange;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.AbstractClassJavaType;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Hibernate's view of {@link PgRange}: the raw descriptor registered for the class creates one
 * descriptor per type argument, whose JDBC type (and so column type) is that element's range type.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class PgRangeJavaType extends AbstractClassJavaType<PgRange> implements PgTextType {

    private static final long serialVersionUID = 1L;

    /** The descriptor of {@code PgRange} without a known type argument. */
    public static final PgRangeJavaType RAW = new PgRangeJavaType(null);

    private final transient RangeElement element;

    private PgRangeJavaType(RangeElement element) {
        super(PgRange.class, ImmutableMutabilityPlan.instance());
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
        int code = element == null ? PgTypeCodes.RANGE_UNTYPED : PgTypeCodes.range(element);
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
    public String literal(Object value) {
        return value.toString();
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
    public String toString(PgRange value) {
        return value.toString();
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
    public <X> X unwrap(PgRange value, Class<X> type, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return (X) value;
        }
        if (type == String.class) {
            return (X) value.toString();
        }
        throw unknownUnwrap(type);
    }

    @Override
    public <X> PgRange wrap(X value, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        if (value instanceof PgRange range) {
            return range;
        }
        if (value instanceof CharSequence text) {
            return fromString(text);
        }
        if (value instanceof org.postgresql.util.PGobject object && object.getValue() != null) {
            // elements of an array of ranges, as pgjdbc hands them out
            return (PgRange) fromLiteral(object.getValue(), object.getType());
        }
        throw unknownWrap(value.getClass());
    }

    @Override
    public String toString() {
        return "PgRangeJavaType(" + (element == null ? "?" : element) + ")";
    }
}
