package dev.pgorm.ddl.trigger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds repeated {@link PgFunction} annotations (named so that it never clashes with the HQL names
 * in {@code dev.pgorm.functions.PgFunctions}).
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface PgFunctionDeclarations {

    /**
     * Returns the functions.
     *
     * @return the repeated {@link PgFunction} annotations, in declaration order
     */
    PgFunction[] value();
}
