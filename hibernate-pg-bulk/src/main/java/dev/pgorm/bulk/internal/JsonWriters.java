package dev.pgorm.bulk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.pgorm.core.internal.reflect.HibernateInternals;
import java.lang.reflect.Type;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Writes JSON values as Hibernate's format mapper does. When that mapper is Hibernate's Jackson
 * one, the Jackson writer for each Java type is built once instead of for every value (the mapper's
 * own code builds it per call), with the very same {@code ObjectMapper}, so the text is identical.
 */
final class JsonWriters {

    private final FormatMapper mapper;
    private final WrapperOptions options;
    private final Object objectMapper;
    private final Map<JavaType<Object>, Function<Object, String>> writers = new IdentityHashMap<>();
    private final Map<JavaType<Object>, Function<Object, Object>> utf8Writers =
            new IdentityHashMap<>();

    JsonWriters(FormatMapper mapper, WrapperOptions options) {
        this.mapper = mapper;
        this.options = options;
        this.objectMapper = jacksonObjectMapper(mapper);
    }

    private static Object jacksonObjectMapper(FormatMapper mapper) {
        try {
            return HibernateInternals.jacksonObjectMapper(mapper).orElse(null);
        } catch (LinkageError e) {
            return null; // Hibernate's Jackson mapper without Jackson: the format mapper writes
        }
    }

    String write(Object value, JavaType<Object> javaType) {
        return writers.computeIfAbsent(javaType, this::writerFor).apply(value);
    }

    /**
     * Returns the JSON of a value as {@link Utf8} bytes when Hibernate's mapper is Jackson's (its
     * UTF-8 generator writes them without a {@code String} in between), else as text: binary COPY
     * sends either as they are.
     */
    Object writeUtf8(Object value, JavaType<Object> javaType) {
        return utf8Writers.computeIfAbsent(javaType, this::utf8WriterFor).apply(value);
    }

    private Function<Object, Object> utf8WriterFor(JavaType<Object> javaType) {
        if (objectMapper != null) {
            try {
                Function<Object, String> text = writers.computeIfAbsent(javaType, this::writerFor);
                return Jackson.utf8Writer(objectMapper, javaType.getJavaType(), text);
            } catch (LinkageError | RuntimeException e) {
                // as in writerFor: the format mapper writes text
            }
        }
        return value -> write(value, javaType);
    }

    private Function<Object, String> writerFor(JavaType<Object> javaType) {
        if (objectMapper != null) {
            try {
                return Jackson.writer(objectMapper, javaType.getJavaType());
            } catch (LinkageError | RuntimeException e) {
                // Jackson is not visible here, or not the same Jackson: use the format mapper
            }
        }
        return value -> mapper.toString(value, javaType, options);
    }

    /** Kept apart so that Jackson classes load only when Jackson is there. */
    private static final class Jackson {
        static Function<Object, String> writer(Object objectMapper, Type type) {
            ObjectMapper om = (ObjectMapper) objectMapper;
            ObjectWriter writer = om.writerFor(om.constructType(type));
            return value -> {
                try {
                    return writer.writeValueAsString(value);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(
                            "cannot write the value as JSON: " + e.getOriginalMessage(), e);
                }
            };
        }

        /**
         * Writes UTF-8 bytes; a value Jackson's UTF-8 generator refuses (a lone surrogate, which
         * the text path writes as {@code ?}) goes through {@code text} instead.
         */
        static Function<Object, Object> utf8Writer(
                Object objectMapper, Type type, Function<Object, String> text) {
            ObjectMapper om = (ObjectMapper) objectMapper;
            // Jackson's UTF-8 generator writes characters beyond the BMP as escaped surrogate
            // pairs unless told to combine them (Jackson 2.18): a json column keeps its text, so
            // the bytes must be those of the text
            ObjectWriter writer =
                    om.writerFor(om.constructType(type))
                            .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
            return value -> {
                try {
                    byte[] bytes = writer.writeValueAsBytes(value);
                    // a lone surrogate stays escaped (\uD800), which jsonb refuses; the text
                    // path writes it as '?', as pgjdbc does for Hibernate's own binding
                    return hasSurrogateEscape(bytes) ? text.apply(value) : new Utf8(bytes);
                } catch (JsonProcessingException e) {
                    return text.apply(value);
                }
            };
        }
    }

    /** Whether the JSON holds {@code \\uD}: a surrogate's escape (or, rarely, a text like it). */
    static boolean hasSurrogateEscape(byte[] json) {
        for (int i = 0; i + 2 < json.length; i++) {
            if (json[i] == '\\' && json[i + 1] == 'u' && (json[i + 2] | 0x20) == 'd') {
                return true;
            }
        }
        return false;
    }

    /** Text already encoded as UTF-8, without a NUL byte (JSON escapes control characters). */
    record Utf8(byte[] bytes) {}
}
