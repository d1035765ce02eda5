package dev.pgorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PgServerCapabilitiesTest {

    @Test
    void splitsTheVersionNumber() {
        PgServerCapabilities caps = PgServerCapabilities.of(150020, Map.of(), Map.of());
        assertThat(caps.majorVersion()).isEqualTo(15);
        assertThat(caps.minorVersion()).isEqualTo(20);
        assertThat(caps.isAtLeast(14)).isTrue();
        assertThat(caps.isAtLeast(15)).isTrue();
        assertThat(caps.isAtLeast(16)).isFalse();
    }

    @Test
    void installedImpliesAvailable() {
        PgServerCapabilities caps =
                PgServerCapabilities.of(
                        170002, Map.of("vector", "0.8.0"), Map.of("postgis", "3.5.0"));
        assertThat(caps.isInstalled("vector")).isTrue();
        assertThat(caps.isAvailable("vector")).isTrue();
        assertThat(caps.isInstalled("postgis")).isFalse();
        assertThat(caps.isAvailable("postgis")).isTrue();
        assertThat(caps.isAvailable("timescaledb")).isFalse();
        assertThat(caps.installedVersion("vector")).contains("0.8.0");
        assertThat(caps.installedVersion("postgis")).isEmpty();
    }

    @Test
    void rejectsNonsenseVersions() {
        assertThatThrownBy(() -> PgServerCapabilities.of(15, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15");
    }
}
