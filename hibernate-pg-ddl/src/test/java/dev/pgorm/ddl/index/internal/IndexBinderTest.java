package dev.pgorm.ddl.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.index.IndexMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexBinderTest {

    @Test
    void defaultNamesFollowTableColumnsAndMethod() {
        assertThat(IndexBinder.defaultName("doc", List.of("attrs"), IndexMethod.GIN))
                .isEqualTo("doc_attrs_gin_idx");
        assertThat(IndexBinder.defaultName("doc", List.of("a", "b"), IndexMethod.BTREE))
                .isEqualTo("doc_a_b_btree_idx");
    }

    @Test
    void longDefaultNamesAreShortenedWithAHash() {
        String name =
                IndexBinder.defaultName(
                        "a_table_with_a_rather_long_name",
                        List.of("first_long_column", "second_long_column"),
                        IndexMethod.BTREE);
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(name).startsWith("a_table_with_a_rather_long_name_first");
        String other =
                IndexBinder.defaultName(
                        "a_table_with_a_rather_long_name",
                        List.of("first_long_column", "second_long_columns"),
                        IndexMethod.BTREE);
        assertThat(other).isNotEqualTo(name);
    }
}
