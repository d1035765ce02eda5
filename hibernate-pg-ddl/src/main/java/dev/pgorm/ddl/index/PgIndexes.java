package dev.pgorm.ddl.index;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds repeated {@link PgIndex} annotations.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PgIndexes {

    /**
     * Returns the indexes.
     *
     * @return the repeated {@link PgIndex} annotations, in declaration order
     */
    PgIndex[] value();
}
