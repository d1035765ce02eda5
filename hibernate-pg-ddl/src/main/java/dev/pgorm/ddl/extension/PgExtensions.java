package dev.pgorm.ddl.extension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds repeated {@link PgExtension} annotations.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface PgExtensions {

    /**
     * Returns the extensions.
     *
     * @return the repeated {@link PgExtension} annotations, in declaration order
     */
    PgExtension[] value();
}
