package dev.pgorm.bulk.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.pgorm.core.internal.reflect.HibernateInternals;
import java.io.IOException;
import java.io.OutputStream;
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
    private final Map<JavaType<Object>, Utf8Writer> utf8Writers = new IdentityHashMap<>();

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
     * Writes the JSON of a value into {@code out} as UTF-8, without a length, when Hibernate's
     * mapper is Jackson's: its UTF-8 generator writes straight into the COPY buffer, one generator
     * per Java type for the whole call. Returns false, with {@code out} as it was, when it cannot:
     * no Jackson (or one before 2.18), a lone surrogate (Jackson escapes it, jsonb refuses the
     * escape; the text path writes {@code ?}, as pgjdbc does for Hibernate's own binding), or a
     * value Jackson fails on (the text path then reports it).
     */
    boolean writeUtf8(CopyBuffer out, Object value, JavaType<Object> javaType) {
        Utf8Writer writer = utf8Writers.computeIfAbsent(javaType, this::utf8WriterFor);
        int from = out.size();
        if (writer.write(out, value) && !hasSurrogateEscape(out.bytes(), from, out.size())) {
            return true;
        }
        out.truncate(from);
        return false;
    }

    /** Writes a value's JSON into a buffer, or says it could not. */
    @FunctionalInterface
    interface Utf8Writer {
        boolean write(CopyBuffer out, Object value);

        /** Gives back what the writer holds. */
        default void close() {}
    }

    /** Closes the generators of the call. */
    void close() {
        utf8Writers.values().forEach(Utf8Writer::close);
        utf8Writers.clear();
    }

    private Utf8Writer utf8WriterFor(JavaType<Object> javaType) {
        if (objectMapper != null) {
            try {
                return Jackson.utf8Writer(objectMapper, javaType.getJavaType());
            } catch (LinkageError | RuntimeException e) {
                // as in writerFor: the text path writes
            }
        }
        return (out, value) -> false;
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

        static Utf8Writer utf8Writer(Object objectMapper, Type type) {
            ObjectMapper om = (ObjectMapper) objectMapper;
            // Jackson's UTF-8 generator writes characters beyond the BMP as escaped surrogate
            // pairs unless told to combine them (Jackson 2.18): a json column keeps its text, so
            // the bytes must be those of the text
            return new GeneratorWriter(
                    om.writerFor(om.constructType(type))
                            .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8));
        }
    }

    /**
     * Writes through one generator over a stream into the current buffer; after a failure the
     * generator is dropped, since it may be left inside an object. Closed at the end of the call,
     * which gives its buffers back to Jackson's recycler.
     */
    private static final class GeneratorWriter implements Utf8Writer {
        private final ObjectWriter writer;
        private final BufferStream sink = new BufferStream();
        private JsonGenerator generator;
        private boolean indented;

        GeneratorWriter(ObjectWriter writer) {
            this.writer = writer;
        }

        @Override
        public boolean write(CopyBuffer out, Object value) {
            if (indented) {
                return false;
            }
            sink.target = out;
            try {
                if (generator == null) {
                    generator = writer.createGenerator(sink);
                    // values follow each other with nothing between them
                    generator.setRootValueSeparator(null);
                }
                writer.writeValue(generator, value);
                generator.flush();
                if (generator.getPrettyPrinter() != null) {
                    // a pretty printer (INDENT_OUTPUT) writes its own separator between values:
                    // the text path writes each value alone
                    indented = true;
                    return false;
                }
                return true;
            } catch (IOException | RuntimeException e) {
                discard();
                return false;
            }
        }

        @Override
        public void close() {
            discard();
        }

        /** Closes the generator into nothing: whatever it still holds must not reach a row. */
        private void discard() {
            JsonGenerator dropped = generator;
            generator = null;
            sink.target = null;
            if (dropped != null) {
                try {
                    dropped.close();
                } catch (IOException | RuntimeException e) {
                    // nothing of it is needed any more
                }
            }
        }
    }

    /** The stream a generator writes into: the buffer of the value being written. */
    private static final class BufferStream extends OutputStream {
        CopyBuffer target;

        @Override
        public void write(int b) {
            if (target != null) {
                target.writeByte(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (target != null) {
                target.writeBytes(b, off, len);
            }
        }
    }

    /**
     * Whether {@code json[from, to)} holds {@code \\uD}: a surrogate's escape (or, rarely, a text
     * like it).
     */
    static boolean hasSurrogateEscape(byte[] json, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            if (json[i] == '\\' && json[i + 1] == 'u' && (json[i + 2] | 0x20) == 'd') {
                return true;
            }
        }
        return false;
    }
}
