package dev.pgorm.ddl.trigger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds repeated {@link PgTrigger} annotations.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PgTriggers {

    /**
     * Returns the triggers.
     *
     * @return the repeated {@link PgTrigger} annotations, in declaration order
     */
    PgTrigger[] value();
}
