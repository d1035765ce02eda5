package dev.pgorm.ddl.partition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds repeated {@link Partition} annotations.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Partitions {

    /**
     * Returns the partitions.
     *
     * @return the repeated {@link Partition} annotations, in declaration order
     */
    Partition[] value();
}
