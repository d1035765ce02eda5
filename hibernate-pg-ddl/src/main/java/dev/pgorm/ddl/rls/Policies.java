package dev.pgorm.ddl.rls;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds repeated {@link Policy} annotations.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Policies {

    /**
     * Returns the policies.
     *
     * @return the repeated {@link Policy} annotations, in declaration order
     */
    Policy[] value();
}
