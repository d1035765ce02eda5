package dev.pgorm.notify.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import java.nio.charset.StandardCharsets;

/** PostgreSQL's limits for NOTIFY, checked before anything is sent. */
public final class Limits {

    /** PostgreSQL rejects payloads of this many bytes or more. */
    public static final int MAX_PAYLOAD_BYTES = 8000;

    private Limits() {}

    /** Returns the channel name, or fails when it is not a valid name of at most 63 bytes. */
    public static String channel(String channel) {
        return PgIdentifiers.requireValid(channel, "channel name");
    }

    /** Returns the payload, or fails with its size and the limit. */
    public static String payload(String payload) {
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException(
                    "notification payload is "
                            + bytes
                            + " bytes in UTF-8; PostgreSQL accepts less than "
                            + MAX_PAYLOAD_BYTES
                            + " bytes: send a key and let listeners load the data");
        }
        if (payload.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "notification payload must not contain a NUL character");
        }
        return payload;
    }
}
