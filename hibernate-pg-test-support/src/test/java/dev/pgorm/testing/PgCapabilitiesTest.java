package dev.pgorm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgCapabilitiesTest {

    @Test
    void readsVersionAndExtensions() {
        PgCapabilities caps =
                new PgCapabilities(
                        150020,
                        Map.of("vector", "0.8.0"),
                        Map.of("vector", "0.8.0", "ltree", "1.2"));

        assertThat(caps.majorVersion()).isEqualTo(15);
        assertThat(caps.minorVersion()).isEqualTo(20);
        assertThat(caps.isAtLeast(15)).isTrue();
        assertThat(caps.isAtLeast(16)).isFalse();
        assertThat(caps.isInstalled("vector")).isTrue();
        assertThat(caps.isInstalled("ltree")).isFalse();
        assertThat(caps.isAvailable("ltree")).isTrue();
        assertThat(caps.isAvailable("postgis")).isFalse();
        assertThat(caps).hasToString("PostgreSQL 15.20, installed extensions {vector=0.8.0}");
    }

    @Test
    void copiesTheMapsInOrder() {
        Map<String, String> installed = new LinkedHashMap<>();
        installed.put("plpgsql", "1.0");
        installed.put("btree_gist", "1.7");
        PgCapabilities caps = new PgCapabilities(140000, installed, new HashMap<>());
        installed.put("hstore", "1.8");

        assertThat(caps.installedExtensions())
                .containsExactly(Map.entry("plpgsql", "1.0"), Map.entry("btree_gist", "1.7"));
        assertThat(caps.isAvailable("btree_gist")).isTrue();
    }
}
