package dev.pgorm.ddl.collation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds several {@link PgCollation}s on one entity or package; written by the compiler.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface PgCollations {

    /**
     * Returns the declarations.
     *
     * @return the collations
     */
    PgCollation[] value();
}
