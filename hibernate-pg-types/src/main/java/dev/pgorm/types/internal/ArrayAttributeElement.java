package dev.pgorm.types.internal;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.hibernate.mapping.BasicValue;
import org.hibernate.models.spi.MemberDetails;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;

/**
 * Finds the type argument of an array attribute such as {@code PgRange<LocalDate>[]}, which
 * Hibernate erases to {@code PgRange[]} before it asks the element descriptor for a JDBC type. The
 * attribute being resolved is the {@link BasicValue} passed as indicators, and it knows its member.
 */
final class ArrayAttributeElement {

    private ArrayAttributeElement() {}

    /**
     * Returns the type argument of the array attribute's component when the component's raw type is
     * {@code rawComponent}, or {@code null} when it cannot be known.
     */
    static Class<?> of(JdbcTypeIndicators indicators, Class<?> rawComponent) {
        if (!(indicators instanceof BasicValue value)) {
            return null;
        }
        Type declared = declaredType(value.getMemberDetails());
        if (declared instanceof GenericArrayType array
                && array.getGenericComponentType() instanceof ParameterizedType component
                && component.getRawType() == rawComponent
                && component.getActualTypeArguments()[0] instanceof Class<?> argument) {
            return argument;
        }
        return null;
    }

    private static Type declaredType(MemberDetails member) {
        if (member == null) {
            return null;
        }
        Member javaMember;
        try {
            javaMember = member.toJavaMember();
        } catch (RuntimeException e) {
            return null; // a dynamic model without a Java member
        }
        if (javaMember instanceof Field field) {
            return field.getGenericType();
        }
        if (javaMember instanceof Method method) {
            return method.getGenericReturnType();
        }
        return null;
    }
}
