package dev.pgorm.notify;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Publishes a notification for every insert, update and delete of the entity, in the same
 * transaction, so it is delivered on commit and never on rollback. The payload is JSON: {@code
 * {"entity": "Order", "op": "INSERT", "id": 42}} ({@code op} is INSERT, UPDATE or DELETE).
 *
 * <pre>{@code
 * @Entity @NotifyOnChange(channel = "order_changes")
 * class Order { ... }
 * }</pre>
 *
 * Subclass entities of an annotated entity publish on its channel too, under their own entity name,
 * unless they carry an annotation of their own. Changes made by bulk HQL or native SQL statements
 * bypass entity events and send nothing.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NotifyOnChange {

    /**
     * Returns the channel to publish on.
     *
     * @return the channel name, as listeners pass it to {@code LISTEN} or {@link
     *     PgListener.Builder#listen}: not empty, at most 63 bytes in UTF-8, case kept; an invalid
     *     name fails at boot, naming the entity
     */
    String channel();
}
