package dev.pgorm.types.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PgSparseVectorJdbcTypeTest {

    @Test
    void writesNonZeroElementsWithIndicesFromOne() {
        assertThat(PgSparseVectorJdbcType.literal(List.of(0f, 1.5f, 0f, 0f, -2f)))
                .isEqualTo("{2:1.5,5:-2.0}/5");
    }

    @Test
    void writesAVectorWithoutNonZeroElements() {
        assertThat(PgSparseVectorJdbcType.literal(List.of(0f, 0f, 0f))).isEqualTo("{}/3");
        assertThat(PgSparseVectorJdbcType.literal(List.of())).isEqualTo("{}/0");
    }
}
