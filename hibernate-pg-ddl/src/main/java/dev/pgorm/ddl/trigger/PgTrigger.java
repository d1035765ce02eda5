package dev.pgorm.ddl.trigger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a trigger on the entity's table, created with {@code CREATE OR REPLACE TRIGGER}
 * (PostgreSQL 14+) after the tables.
 *
 * <pre>{@code
 * @PgTrigger(name = "doc_touch", timing = TriggerTiming.BEFORE, events = TriggerEvent.UPDATE,
 *            forEach = TriggerLevel.ROW, function = "touch_updated_at")
 * }</pre>
 *
 * <p>{@link #when()} is SQL, passed as written. On a partitioned entity a row trigger fires for
 * every partition, including partitions created later.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(PgTriggers.class)
public @interface PgTrigger {

    /** Returns the trigger's name, unique per table. */
    String name();

    /** Returns when it fires. */
    TriggerTiming timing();

    /** Returns the operations that fire it. */
    TriggerEvent[] events();

    /** Returns the columns (attribute or column names) an UPDATE must name to fire it. */
    String[] updateOf() default {};

    /** Returns whether it fires per row (the default) or per statement. */
    TriggerLevel forEach() default TriggerLevel.ROW;

    /**
     * Returns a SQL condition that must hold for it to fire, for example {@code old.* is distinct
     * from new.*}.
     */
    String when() default "";

    /**
     * Returns the trigger function, declared with {@link PgFunction} or existing in the database.
     */
    String function();

    /** Returns constant string arguments passed to the function ({@code TG_ARGV}). */
    String[] arguments() default {};
}
