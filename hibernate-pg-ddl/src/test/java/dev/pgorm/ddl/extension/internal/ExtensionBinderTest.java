package dev.pgorm.ddl.extension.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtensionBinderTest {

    @Test
    void columnTypesImplyExtensions() {
        assertThat(ExtensionBinder.extensionForType("vector(1536)")).isEqualTo("vector");
        assertThat(ExtensionBinder.extensionForType("halfvec(3)")).isEqualTo("vector");
        assertThat(ExtensionBinder.extensionForType("sparsevec(10)")).isEqualTo("vector");
        assertThat(ExtensionBinder.extensionForType("geometry")).isEqualTo("postgis");
        assertThat(ExtensionBinder.extensionForType("geography(point,4326)")).isEqualTo("postgis");
        assertThat(ExtensionBinder.extensionForType("hstore")).isEqualTo("hstore");
        assertThat(ExtensionBinder.extensionForType("citext")).isEqualTo("citext");
        assertThat(ExtensionBinder.extensionForType("ltree")).isEqualTo("ltree");
        assertThat(ExtensionBinder.extensionForType("varchar(255)")).isNull();
        assertThat(ExtensionBinder.extensionForType("jsonb")).isNull();
        assertThat(ExtensionBinder.extensionForType("vectorish")).isNull();
    }

    @Test
    void operatorClassesImplyExtensions() {
        assertThat(ExtensionBinder.extensionForOpclass("gin_trgm_ops")).isEqualTo("pg_trgm");
        assertThat(ExtensionBinder.extensionForOpclass("gist_trgm_ops(siglen=32)"))
                .isEqualTo("pg_trgm");
        assertThat(ExtensionBinder.extensionForOpclass("vector_cosine_ops")).isEqualTo("vector");
        assertThat(ExtensionBinder.extensionForOpclass("jsonb_path_ops")).isNull();
    }
}
