package dev.pgorm.ddl.constraint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds repeated {@link ExclusionConstraint} annotations.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExclusionConstraints {

    /**
     * Returns the constraints.
     *
     * @return the repeated {@link ExclusionConstraint} annotations, in declaration order
     */
    ExclusionConstraint[] value();
}
