package dev.pgorm.spring.internal;

import dev.pgorm.notify.PgNotification;
import dev.pgorm.spring.PgListenErrorHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** The default {@link PgListenErrorHandler}: logs the failure with the channel and the payload. */
final class LoggingErrorHandler implements PgListenErrorHandler {

    private static final Log LOG = LogFactory.getLog("dev.pgorm.spring.PgListen");

    @Override
    public void handleError(PgNotification notification, Throwable error) {
        LOG.error(
                "@PgListen handler for channel "
                        + notification.channel()
                        + " failed on payload "
                        + abbreviate(notification.payload()),
                error);
    }

    private static String abbreviate(String payload) {
        return payload.length() <= 200 ? payload : payload.substring(0, 200) + "...";
    }
}
