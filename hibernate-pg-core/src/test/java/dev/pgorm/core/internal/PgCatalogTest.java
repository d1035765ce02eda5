package dev.pgorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The row-count rules; the JDBC side is covered by the ITs that read the catalog. */
class PgCatalogTest {

    @Test
    void noRowOrOneRowIsAccepted() {
        assertThat(PgCatalog.atMostOne(List.of(), "select 1")).isEmpty();
        assertThat(PgCatalog.atMostOne(List.of("a"), "select 1")).containsExactly("a");
    }

    @Test
    void moreThanOneRowNamesTheQuery() {
        assertThatThrownBy(() -> PgCatalog.atMostOne(List.of("a", "b"), "select x from t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("2 rows, expected at most one, from: select x from t");
    }

    @Test
    void needsAConnection() {
        assertThatThrownBy(() -> PgCatalog.on(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("connection");
    }
}
