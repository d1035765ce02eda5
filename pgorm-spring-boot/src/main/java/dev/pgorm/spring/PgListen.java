package dev.pgorm.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that handles the notifications of a PostgreSQL channel. One listener per
 * application, on a connection of its own (never a pool slot), serves every such method; it starts
 * with the application context, after the other beans, and is listening before the application
 * reports itself started.
 *
 * <pre>{@code
 * @PgListen(channel = "orders")
 * void onOrder(OrderEvent event) { ... }        // the JSON payload, decoded
 * }</pre>
 *
 * <p>The method takes one parameter: a {@link dev.pgorm.notify.PgNotification}, a {@code String}
 * (the payload), or any other type, decoded from the JSON payload with the application's Jackson
 * mapper. It runs on the channel's own thread, in the order the notifications arrived; an exception
 * goes to the {@link PgListenErrorHandler} bean.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PgListen {

    /**
     * Returns the channel to listen on; placeholders such as {@code ${app.channel}} are resolved.
     *
     * @return a channel name, at most 63 bytes; it is quoted, so case is kept
     */
    String channel();
}
