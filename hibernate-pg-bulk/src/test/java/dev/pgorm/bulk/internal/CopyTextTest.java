package dev.pgorm.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        CopyText.escape(out, s);
        return out.toString();
    }

    @Test
    void escapesWhatCopyTextFormatReserves() {
        assertThat(escaped("plain ünïcödé 🐘")).isEqualTo("plain ünïcödé 🐘");
        assertThat(escaped("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
        assertThat(escaped("\\N")).isEqualTo("\\\\N");
    }

    @Test
    void nulIsRefused() {
        assertThatThrownBy(() -> escaped("bad\0text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL character");
    }
}
