package dev.pgorm.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void utf8BytesEqualTheTextPath() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("plain", "row 1");
        value.put("unicode", "ünïcödé 🐘 \u20ac");
        value.put("escaped", "tab\tquote\"back\\slash\u0001");
        value.put("list", List.of(1, 2.5, true));
        Object written = writers.writeUtf8(value, MAP);
        assertThat(written).isInstanceOf(JsonWriters.Utf8.class);
        byte[] bytes = ((JsonWriters.Utf8) written).bytes();
        assertThat(bytes).isEqualTo(viaText(value));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("🐘");
    }

    private static byte[] bytesOf(Object written) {
        if (written instanceof JsonWriters.Utf8 utf8) {
            return utf8.bytes();
        }
        CopyBuffer buffer = new CopyBuffer(16);
        buffer.writeUtf8((String) written);
        return Arrays.copyOf(buffer.bytes(), buffer.size());
    }

    @Test
    void aLoneSurrogateGoesThroughTheTextPath() {
        // Jackson escapes it (jsonb refuses the escape); the text path writes '?' as pgjdbc does
        Map<String, Object> value = Map.of("broken", "a\uD800b");
        Object written = writers.writeUtf8(value, MAP);
        assertThat(written).isInstanceOf(String.class);
        assertThat(bytesOf(written)).isEqualTo(viaText(value));
        assertThat(new String(bytesOf(written), StandardCharsets.UTF_8)).contains("a?b");
    }

    @Test
    void textThatLooksLikeASurrogateEscapeIsStillWrittenAsIs() {
        Map<String, Object> value = Map.of("path", "C:\\uDir");
        assertThat(bytesOf(writers.writeUtf8(value, MAP))).isEqualTo(viaText(value));
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
