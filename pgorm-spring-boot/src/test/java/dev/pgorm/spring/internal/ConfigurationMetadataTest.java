package dev.pgorm.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The metadata IDEs complete {@code pgorm.*} keys from is generated, with descriptions. */
class ConfigurationMetadataTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyPropertyIsInTheGeneratedMetadata() throws IOException {
        String generated = resource("/META-INF/spring-configuration-metadata.json");
        assertThat(generated)
                .contains(
                        "\"pgorm.enabled\"",
                        "\"pgorm.types.json-lean\"",
                        "\"pgorm.types.vector-binary\"",
                        "\"pgorm.ddl.index-concurrently\"",
                        "\"pgorm.ddl.check-extensions\"",
                        "\"pgorm.ddl.safe-enum-types\"",
                        "\"pgorm.bulk.copy-threshold\"",
                        "\"pgorm.rls.required\"",
                        "\"pgorm.rls.tenant-setting\"",
                        "\"pgorm.rls.check-at-boot\"",
                        "\"pgorm.rls.security.setting\"",
                        "\"pgorm.rls.security.claim\"",
                        "\"pgorm.notify.listener.enabled\"")
                .contains("The JWT claim whose value is applied");
    }
}
