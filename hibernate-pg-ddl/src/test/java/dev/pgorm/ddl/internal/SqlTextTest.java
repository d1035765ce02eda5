package dev.pgorm.ddl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void literalsDoubleQuotes() {
        assertThat(SqlText.literal("it's")).isEqualTo("'it''s'");
        assertThat(SqlText.literal("")).isEqualTo("''");
        assertThatThrownBy(() -> SqlText.literal("a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void storageParametersAcceptPairsOnly() {
        assertThat(SqlText.storageParameters(" m = 16, ef_construction = 64 ", "x"))
                .isEqualTo("m = 16, ef_construction = 64");
        assertThat(SqlText.storageParameters("lists=100", "x")).isEqualTo("lists=100");
        assertThat(SqlText.storageParameters("fillfactor = 70, deduplicate_items = off", "x"))
                .contains("off");
        assertThatThrownBy(() -> SqlText.storageParameters("m = 16); drop table t; --", "@PgIndex"))
                .hasMessageStartingWith("@PgIndex: with = ")
                .hasMessageContaining("name = value pairs");
        assertThatThrownBy(() -> SqlText.storageParameters("m", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingNamesNeedADot() {
        assertThat(SqlText.settingName("app.tenant_id", "x")).isEqualTo("app.tenant_id");
        assertThatThrownBy(() -> SqlText.settingName("tenant_id", "x"))
                .hasMessageContaining("app.tenant_id");
        assertThatThrownBy(() -> SqlText.settingName("app.x'); drop", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dollarQuotingRefusesItsOwnTag() {
        assertThat(SqlText.dollarQuoted("begin return 1; end", "f"))
                .isEqualTo("$pgorm$begin return 1; end$pgorm$");
        assertThatThrownBy(() -> SqlText.dollarQuoted("x $pgorm$ y", "f"))
                .hasMessageContaining("must not contain");
    }

    @Test
    void argumentsWithoutDefaults() {
        assertThat(SqlText.withoutDefaults("a integer default 0, b text = 'x, y', c numeric(10,2)"))
                .isEqualTo("a integer, b text, c numeric(10,2)");
        assertThat(SqlText.withoutDefaults("")).isEmpty();
        assertThat(SqlText.withoutDefaults("in \"Default\" text DEFAULT 'a=b'"))
                .isEqualTo("in \"Default\" text");
        assertThat(SqlText.withoutDefaults("x int default least(1, 2), y int"))
                .isEqualTo("x int, y int");
        assertThat(SqlText.withoutDefaults("x integer[] default array[1,2], y int default(0)"))
                .isEqualTo("x integer[], y int");
        assertThat(SqlText.withoutDefaults("defaults text, y int"))
                .isEqualTo("defaults text, y int");
    }
}
