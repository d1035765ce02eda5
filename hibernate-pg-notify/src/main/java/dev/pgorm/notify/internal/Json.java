package dev.pgorm.notify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson mapper the notify module uses for payloads. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private Json() {}

    /** Writes {@code value} as JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write "
                            + value.getClass().getName()
                            + " as JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /** Reads JSON text into {@code type}. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "payload is not a JSON " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    e);
        }
    }
}
