package dev.pgorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgSettingsReaderTest {

    @Test
    void modulesAreOnByDefault() {
        assertThat(PgSettingsReader.of(Map.of()).isModuleEnabled("types")).isTrue();
    }

    @Test
    void moduleSwitchTurnsOneModuleOff() {
        PgSettingsReader reader = PgSettingsReader.of(Map.of("pgorm.types.enabled", "FALSE"));
        assertThat(reader.isModuleEnabled("types")).isFalse();
        assertThat(reader.isModuleEnabled("ddl")).isTrue();
    }

    @Test
    void globalSwitchTurnsEverythingOff() {
        PgSettingsReader reader =
                PgSettingsReader.of(Map.of("pgorm.enabled", false, "pgorm.types.enabled", true));
        assertThat(reader.isModuleEnabled("types")).isFalse();
        assertThat(reader.isModuleEnabled("ddl")).isFalse();
    }

    @Test
    void badBooleanNamesTheSetting() {
        PgSettingsReader reader = PgSettingsReader.of(Map.of("pgorm.ddl.enabled", "yes"));
        assertThatThrownBy(() -> reader.isModuleEnabled("ddl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid value 'yes' for setting pgorm.ddl.enabled: expected true or"
                                + " false");
    }

    @Test
    void stringsAndIntegers() {
        PgSettingsReader reader =
                PgSettingsReader.of(Map.of("a", "  x ", "b", " ", "n", "42", "m", 7, "bad", "4x"));
        assertThat(reader.getString("a", "d")).isEqualTo("x");
        assertThat(reader.getString("b", "d")).isEqualTo("d");
        assertThat(reader.getString("missing", null)).isNull();
        assertThat(reader.getInt("n", 0)).isEqualTo(42);
        assertThat(reader.getInt("m", 0)).isEqualTo(7);
        assertThat(reader.getInt("missing", 3)).isEqualTo(3);
        assertThatThrownBy(() -> reader.getInt("bad", 0)).hasMessageContaining("an integer");
    }

    @Test
    void durationsInEveryForm() {
        PgSettingsReader reader =
                PgSettingsReader.of(
                        Map.of(
                                "ms", "250",
                                "ms2", "250ms",
                                "s", "30s",
                                "m", "5m",
                                "h", "1h",
                                "iso", "PT2S",
                                "obj", Duration.ofSeconds(9),
                                "num", 1500L));
        assertThat(reader.getDuration("ms", null)).isEqualTo(Duration.ofMillis(250));
        assertThat(reader.getDuration("ms2", null)).isEqualTo(Duration.ofMillis(250));
        assertThat(reader.getDuration("s", null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(reader.getDuration("m", null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(reader.getDuration("h", null)).isEqualTo(Duration.ofHours(1));
        assertThat(reader.getDuration("iso", null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(reader.getDuration("obj", null)).isEqualTo(Duration.ofSeconds(9));
        assertThat(reader.getDuration("num", null)).isEqualTo(Duration.ofMillis(1500));
        assertThat(reader.getDuration("missing", Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @Test
    void badDurationsAreRejected() {
        PgSettingsReader reader =
                PgSettingsReader.of(Map.of("x", "soon", "y", "5 weeks", "z", "PT-1S"));
        assertThatThrownBy(() -> reader.getDuration("x", null))
                .hasMessageContaining("setting x")
                .hasMessageContaining("500ms");
        assertThatThrownBy(() -> reader.getDuration("y", null)).hasMessageContaining("setting y");
        assertThatThrownBy(() -> reader.getDuration("z", null))
                .hasMessageContaining("not negative");
    }

    @Test
    void formerSpellingIsReadWhenTheCurrentKeyIsAbsent() {
        PgSettingsReader reader = PgSettingsReader.of(Map.of("pgorm.types.json-lean", "false"));
        assertThat(reader.getBoolean("pgorm.types.json_lean", true)).isFalse();
        PgSettingsReader vectors = PgSettingsReader.of(Map.of("pgorm.types.vector-binary", false));
        assertThat(vectors.getBoolean("pgorm.types.vector_binary", true)).isFalse();
    }

    @Test
    void currentSpellingWinsOverTheFormerOne() {
        PgSettingsReader reader =
                PgSettingsReader.of(
                        Map.of("pgorm.types.json_lean", "true", "pgorm.types.json-lean", "false"));
        assertThat(reader.getBoolean("pgorm.types.json_lean", false)).isTrue();
    }

    @Test
    void keysWithoutFormerSpellingIgnoreLookAlikes() {
        PgSettingsReader reader = PgSettingsReader.of(Map.of("pgorm.bulk.copy-threshold", "5"));
        assertThat(reader.getInt("pgorm.bulk.copy_threshold", 200)).isEqualTo(200);
    }
}
