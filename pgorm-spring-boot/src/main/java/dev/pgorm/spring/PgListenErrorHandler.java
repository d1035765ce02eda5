package dev.pgorm.spring;

import dev.pgorm.notify.PgNotification;

/**
 * Receives what a {@link PgListen} method threw, or why its payload did not decode; declare a bean
 * of this type to replace the default, which logs the failure. The listener goes on either way.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PgListenErrorHandler {

    /**
     * Handles one failed notification.
     *
     * @param notification the notification as received
     * @param error what the handler method threw, or the decoding failure
     */
    void handleError(PgNotification notification, Throwable error);
}
