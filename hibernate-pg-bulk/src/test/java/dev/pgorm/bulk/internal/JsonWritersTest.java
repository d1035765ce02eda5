package dev.pgorm.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.java.spi.JavaTypeBasicAdaptor;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;
import org.junit.jupiter.api.Test;

/** Binary COPY's JSON bytes are the bytes of the text Hibernate's own mapper writes. */
class JsonWritersTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final JavaType<Object> MAP = new JavaTypeBasicAdaptor(Map.class);

    private final JsonWriters writers = new JsonWriters(new JacksonJsonFormatMapper(), null);

    /** What the text path sends: the mapper's text, encoded by {@link CopyBuffer#writeUtf8}. */
    private byte[] viaText(Object value) {
        CopyBuffer buffer = new CopyBuffer(16);
        buffer.writeUtf8(writers.write(value, MAP));
        return Arrays.copyOf(buffer.bytes(), buffer.size());
    }

    /** What the UTF-8 path writes after {@code before} in one buffer, or null when it did not. */
    private byte[] viaUtf8(CopyBuffer buffer, Object value) {
        int from = buffer.size();
        if (!writers.writeUtf8(buffer, value, MAP)) {
            assertThat(buffer.size()).as("nothing left behind").isEqualTo(from);
            return null;
        }
        return Arrays.copyOfRange(buffer.bytes(), from, buffer.size());
    }

    @Test
    void utf8BytesEqualTheTextPath() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("plain", "row 1");
        value.put("unicode", "ünïcödé 🐘 \u20ac");
        value.put("escaped", "tab\tquote\"back\\slash\u0001");
        value.put("list", List.of(1, 2.5, true));
        CopyBuffer buffer = new CopyBuffer(8);
        buffer.writeInt(42);
        byte[] first = viaUtf8(buffer, value);
        assertThat(first).isEqualTo(viaText(value));
        assertThat(new String(first, StandardCharsets.UTF_8)).contains("🐘");
        // the same generator writes the next values, with nothing between them
        assertThat(viaUtf8(buffer, Map.of("n", 2))).isEqualTo(viaText(Map.of("n", 2)));
        assertThat(viaUtf8(buffer, value)).isEqualTo(viaText(value));
        assertThat(buffer.size()).isEqualTo(4 + 2 * first.length + "{\"n\":2}".length());
    }

    @Test
    void aLoneSurrogateIsLeftToTheTextPath() {
        // Jackson escapes it (jsonb refuses the escape); the text path writes '?' as pgjdbc does
        CopyBuffer buffer = new CopyBuffer(8);
        assertThat(viaUtf8(buffer, Map.of("broken", "a\uD800b"))).isNull();
        assertThat(new String(viaText(Map.of("broken", "a\uD800b")), StandardCharsets.UTF_8))
                .contains("a?b");
        // and the generator goes on with the next value
        assertThat(viaUtf8(buffer, Map.of("n", 1))).isEqualTo(viaText(Map.of("n", 1)));
    }

    @Test
    void aValueJacksonFailsOnIsLeftToTheTextPathAndTheNextOneIsWritten() {
        CopyBuffer buffer = new CopyBuffer(8);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("ok", 1);
        bad.put("stream", new Object()); // no serializer: Jackson fails inside the object
        assertThat(viaUtf8(buffer, bad)).isNull();
        assertThat(buffer.size()).isZero();
        assertThat(viaUtf8(buffer, Map.of("n", 1))).isEqualTo(viaText(Map.of("n", 1)));
    }

    @Test
    void anIndentingMapperIsLeftToTheTextPath() {
        ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonWriters pretty = new JsonWriters(new JacksonJsonFormatMapper(indenting), null);
        CopyBuffer buffer = new CopyBuffer(8);
        for (int i = 0; i < 3; i++) {
            assertThat(pretty.writeUtf8(buffer, Map.of("n", i), MAP)).isFalse();
        }
        assertThat(buffer.size()).isZero();
        assertThat(pretty.write(Map.of("n", 1), MAP)).startsWith("{").contains("\n");
    }

    @Test
    void aFailingValueLargerThanJacksonsBufferLeavesNothingBehind() {
        CopyBuffer buffer = new CopyBuffer(8);
        buffer.writeInt(7);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("big", "x".repeat(30_000));
        bad.put("stream", new Object());
        assertThat(writers.writeUtf8(buffer, bad, MAP)).isFalse();
        assertThat(buffer.size()).isEqualTo(4);
        assertThat(viaUtf8(buffer, Map.of("n", 1))).isEqualTo(viaText(Map.of("n", 1)));
    }

    @Test
    void closingWritesNothingAndALaterValueGetsAFreshGenerator() {
        CopyBuffer buffer = new CopyBuffer(8);
        byte[] first = viaUtf8(buffer, Map.of("n", 1));
        int size = buffer.size();
        writers.close();
        assertThat(buffer.size()).isEqualTo(size);
        assertThat(Arrays.copyOf(buffer.bytes(), size)).isEqualTo(first);
        assertThat(viaUtf8(buffer, Map.of("n", 2))).isEqualTo(viaText(Map.of("n", 2)));
        writers.close();
    }

    @Test
    void textThatLooksLikeASurrogateEscapeIsLeftToTheTextPath() {
        Map<String, Object> value = Map.of("path", "C:\\uDir");
        assertThat(viaUtf8(new CopyBuffer(8), value)).isNull();
    }

    @Test
    void asciiFastPathAndMultiByteCharactersMixInOneBuffer() {
        CopyBuffer buffer = new CopyBuffer(1);
        String s = "abc é 🐘 xyz " + "z".repeat(40) + "€";
        buffer.writeUtf8(s);
        assertThat(Arrays.copyOf(buffer.bytes(), buffer.size()))
                .isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }
}
