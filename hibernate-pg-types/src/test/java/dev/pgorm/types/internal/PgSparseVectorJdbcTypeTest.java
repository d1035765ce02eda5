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

    /** Stands in for hibernate-vector's SparseFloatVector, which has indices(). */
    public static final class Sparse {
        private final int[] indices;

        Sparse(int... indices) {
            this.indices = indices;
        }

        public int[] indices() {
            return indices;
        }
    }

    @Test
    void takesOverOnlyVectorsWithoutNonZeroElements() {
        assertThat(PgSparseVectorJdbcType.allZero(new Sparse())).isTrue();
        assertThat(PgSparseVectorJdbcType.allZero(new Sparse(0, 4))).isFalse();
        assertThat(PgSparseVectorJdbcType.allZero(List.of(0f))).isFalse(); // no indices(): unknown
    }
}
