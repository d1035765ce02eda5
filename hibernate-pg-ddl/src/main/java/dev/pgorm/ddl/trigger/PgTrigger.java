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

    /**
     * Returns the trigger's name, unique per table.
     *
     * @return the name, such as {@code doc_touch}: not empty, at most 63 bytes
     */
    String name();

    /**
     * Returns when it fires.
     *
     * @return {@link TriggerTiming#BEFORE} or {@link TriggerTiming#AFTER}; {@link
     *     TriggerTiming#INSTEAD_OF} fails at boot, since it exists only on views
     */
    TriggerTiming timing();

    /**
     * Returns the operations that fire it.
     *
     * @return at least one event, joined with {@code OR}; {@link TriggerEvent#TRUNCATE} needs
     *     {@code forEach = STATEMENT}
     */
    TriggerEvent[] events();

    /**
     * Returns the columns (attribute or column names) an UPDATE must name to fire it.
     *
     * @return the columns of {@code UPDATE OF}, which needs the {@link TriggerEvent#UPDATE} event;
     *     empty for every UPDATE
     */
    String[] updateOf() default {};

    /**
     * Returns whether it fires per row (the default) or per statement.
     *
     * @return the level of {@code FOR EACH}
     */
    TriggerLevel forEach() default TriggerLevel.ROW;

    /**
     * Returns a SQL condition that must hold for it to fire, for example {@code old.* is distinct
     * from new.*}.
     *
     * @return the SQL condition of the {@code WHEN (...)} clause, which may use {@code old} and
     *     {@code new}, such as {@code new.status <> 'draft'}; empty to fire always
     */
    String when() default "";

    /**
     * Returns the trigger function, declared with {@link PgFunction} or existing in the database.
     *
     * @return the function's name or {@code schema.name}, without parentheses, such as {@code
     *     touch_updated_at}; the function must return {@code trigger} and take no arguments
     */
    String function();

    /**
     * Returns constant string arguments passed to the function ({@code TG_ARGV}).
     *
     * @return the arguments as plain text, quoted as string literals for you; empty for none
     */
    String[] arguments() default {};
}
