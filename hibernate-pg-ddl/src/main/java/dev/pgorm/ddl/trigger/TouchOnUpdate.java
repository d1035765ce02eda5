package dev.pgorm.ddl.trigger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a timestamp column current on every UPDATE, whoever runs it (JPA or plain SQL): a
 * ready-made {@code BEFORE UPDATE} row trigger that sets the column to {@code now()}.
 *
 * <pre>{@code
 * @TouchOnUpdate("updatedAt")
 * @Entity class Document { ... Instant updatedAt; }
 * }</pre>
 *
 * Hibernate does not see the value the database sets; refresh the entity or mark the attribute
 * {@code @Generated(event = EventType.UPDATE)} to read it back.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TouchOnUpdate {

    /**
     * Returns the timestamp column, by attribute or column name.
     *
     * @return the name of a timestamp, date or time column, such as {@code updatedAt}
     */
    String value();
}
