package dev.pgorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgIdentifiersTest {

    @Test
    void simpleNamesStayUnquoted() {
        assertThat(PgIdentifiers.render("doc_attrs_gin")).isEqualTo("doc_attrs_gin");
        assertThat(PgIdentifiers.render("_x$1")).isEqualTo("_x$1");
    }

    @Test
    void namesThatWouldChangeAreQuoted() {
        assertThat(PgIdentifiers.render("Order")).isEqualTo("\"Order\"");
        assertThat(PgIdentifiers.render("order")).isEqualTo("\"order\"");
        assertThat(PgIdentifiers.render("user")).isEqualTo("\"user\"");
        assertThat(PgIdentifiers.render("line items")).isEqualTo("\"line items\"");
        assertThat(PgIdentifiers.render("1st")).isEqualTo("\"1st\"");
        assertThat(PgIdentifiers.render("größe")).isEqualTo("\"größe\"");
    }

    @Test
    void quoteDoublesInnerQuotes() {
        assertThat(PgIdentifiers.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(PgIdentifiers.quote("x\"; drop table t; --"))
                .isEqualTo("\"x\"\"; drop table t; --\"");
    }

    @Test
    void sixtyThreeBytesIsTheLimit() {
        String max = "a".repeat(63);
        assertThat(PgIdentifiers.requireValid(max, "table name")).isEqualTo(max);
        assertThatThrownBy(() -> PgIdentifiers.requireValid("a".repeat(64), "table name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table name")
                .hasMessageContaining("64 bytes")
                .hasMessageContaining("at most 63");
        // 32 two-byte characters are 64 bytes even though only 32 characters long
        assertThatThrownBy(() -> PgIdentifiers.quote("é".repeat(32)))
                .hasMessageContaining("64 bytes");
        assertThat(PgIdentifiers.isSimple("a".repeat(64))).isFalse();
    }

    @Test
    void emptyAndNulAreRejected() {
        assertThatThrownBy(() -> PgIdentifiers.requireValid("", "index name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index name must not be empty");
        assertThatThrownBy(() -> PgIdentifiers.requireValid(null, "index name"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgIdentifiers.quote("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void requireSimpleExplainsTheRule() {
        assertThat(PgIdentifiers.requireSimple("tenant_id", "column")).isEqualTo("tenant_id");
        assertThatThrownBy(() -> PgIdentifiers.requireSimple("Tenant", "column"))
                .hasMessageContaining("column 'Tenant' is not a simple identifier");
        assertThatThrownBy(() -> PgIdentifiers.requireSimple("select", "column"))
                .hasMessageContaining("reserved");
    }

    @Test
    void reservedWordsAnyCase() {
        assertThat(PgIdentifiers.isReserved("SELECT")).isTrue();
        assertThat(PgIdentifiers.isReserved("name")).isFalse();
    }

    @Test
    void qualifiedNames() {
        assertThat(PgIdentifiers.renderQualified("public", "Orders"))
                .isEqualTo("public.\"Orders\"");
        assertThat(PgIdentifiers.renderQualified(null, "orders")).isEqualTo("orders");
        assertThatThrownBy(() -> PgIdentifiers.renderQualified(null, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalizeFollowsPostgresFolding() {
        assertThat(PgIdentifiers.normalize("Orders")).isEqualTo("orders");
        assertThat(PgIdentifiers.normalize("\"Orders\"")).isEqualTo("Orders");
        assertThat(PgIdentifiers.normalize("\"a\"\"b\"")).isEqualTo("a\"b");
        assertThat(PgIdentifiers.normalize("ÄB")).isEqualTo("Äb");
        assertThatThrownBy(() -> PgIdentifiers.normalize("\"a\"b\""))
                .hasMessageContaining("unescaped double quote");
    }

    @Test
    void normalizeQualifiedSplitsAtDotsOutsideQuotes() {
        assertThat(PgIdentifiers.normalizeQualified("orders")).containsExactly("orders");
        assertThat(PgIdentifiers.normalizeQualified("App.Orders")).containsExactly("app", "orders");
        assertThat(PgIdentifiers.normalizeQualified("\"My.Schema\".\"Order \"\"Lines\"\"\""))
                .containsExactly("My.Schema", "Order \"Lines\"");
        assertThat(PgIdentifiers.normalizeQualified("db . \"S\" . t"))
                .containsExactly("db", "S", "t");
        String part = "x".repeat(PgIdentifiers.MAX_BYTES);
        assertThat(PgIdentifiers.normalizeQualified(part + "." + part)).containsExactly(part, part);
        assertThatThrownBy(() -> PgIdentifiers.normalizeQualified(part + "x.t"))
                .hasMessageContaining("would truncate");
        assertThatThrownBy(() -> PgIdentifiers.normalizeQualified("a..b"))
                .hasMessageContaining("empty part");
        assertThatThrownBy(() -> PgIdentifiers.normalizeQualified("\"a.b"))
                .hasMessageContaining("not closed");
    }

    @Test
    void fitShortensByBytesWithAHash() {
        assertThat(PgIdentifiers.fit("short_name")).isEqualTo("short_name");
        String longName = "ä".repeat(40);
        String fitted = PgIdentifiers.fit(longName);
        assertThat(fitted.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(63);
        assertThat(fitted).startsWith("ää").matches(".*_[0-9a-f]{8}");
        assertThat(PgIdentifiers.fit(longName + "x")).isNotEqualTo(fitted);
        assertThat(PgIdentifiers.requireValid(fitted, "name")).isEqualTo(fitted);
    }
}
