package dev.pgorm.ddl.statistics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds several {@link PgStatistics} on one entity; written by the compiler.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PgStatisticsList {

    /**
     * Returns the declarations.
     *
     * @return the statistics objects of the entity
     */
    PgStatistics[] value();
}
