package dev.pgorm.bulk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    }
}
