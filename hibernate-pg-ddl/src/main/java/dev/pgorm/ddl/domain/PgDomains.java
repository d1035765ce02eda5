package dev.pgorm.ddl.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds repeated {@link PgDomain} annotations.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface PgDomains {

    /**
     * Returns the domains.
     *
     * @return the repeated {@link PgDomain} annotations, in declaration order
     */
    PgDomain[] value();
}
