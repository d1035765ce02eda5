package dev.pgorm.ddl.partition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one partition of a {@link Partitioned} entity, created after the tables with {@code
 * CREATE TABLE IF NOT EXISTS ... PARTITION OF ...}.
 *
 * <p>Bounds and values are written as text and sent as SQL string literals that PostgreSQL reads as
 * the key's type; {@code MINVALUE} and {@code MAXVALUE} are kept as key words:
 *
 * <pre>{@code
 * @Partition(name = "event_2026", from = "2026-01-01", to = "2027-01-01")  // RANGE
 * @Partition(name = "event_eu", values = {"de", "fr"})                      // LIST
 * @Partition(name = "event_h0", modulus = 4, remainder = 0)                 // HASH
 * @Partition(name = "event_default", isDefault = true)                      // RANGE or LIST
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Partitions.class)
public @interface Partition {

    /**
     * Returns the partition's table name.
     *
     * @return the name, such as {@code event_2026}, created in the parent's schema
     */
    String name();

    /**
     * Returns the inclusive lower bound of a range partition, one value per key column.
     *
     * @return the values as text, such as {@code {"2026-01-01"}}, or {@code MINVALUE}; empty unless
     *     the strategy is RANGE
     */
    String[] from() default {};

    /**
     * Returns the exclusive upper bound of a range partition, one value per key column.
     *
     * @return the values as text, such as {@code {"2027-01-01"}}, or {@code MAXVALUE}; empty unless
     *     the strategy is RANGE
     */
    String[] to() default {};

    /**
     * Returns the key values of a list partition.
     *
     * @return the values as text, such as {@code {"de", "fr"}}; empty unless the strategy is LIST
     */
    String[] values() default {};

    /**
     * Returns the modulus of a hash partition.
     *
     * @return the number of hash partitions, positive; 0 (the default) unless the strategy is HASH
     */
    int modulus() default 0;

    /**
     * Returns the remainder of a hash partition, from 0 to modulus - 1.
     *
     * @return the remainder of the key's hash that this partition takes; -1 (the default) unless
     *     the strategy is HASH
     */
    int remainder() default -1;

    /**
     * Returns whether this is the default partition, for rows no other partition takes.
     *
     * @return true for {@code DEFAULT}, which takes no bounds or values (RANGE or LIST only)
     */
    boolean isDefault() default false;
}
