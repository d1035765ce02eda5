package dev.pgorm.notify;

import dev.pgorm.notify.internal.Json;

/**
 * A notification as received.
 *
 * @param channel the channel it was sent on
 * @param payload the payload text, empty when none was sent
 * @param processId the process id of the sending backend
 * @since 0.1
 */
public record PgNotification(String channel, String payload, int processId) {

    /**
     * Reads the payload as JSON into {@code type}.
     *
     * @param type the class to decode into with Jackson, for example a record with the payload's
     *     fields
     * @param <T> the payload type
     * @return the decoded payload
     * @throws IllegalArgumentException when the payload is not JSON of that shape
     */
    public <T> T payloadAs(Class<T> type) {
        return Json.read(payload, type);
    }
}
