package dev.pgorm.ddl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotentAddColumnTest {

    @Test
    void addColumnGetsIfNotExists() {
        assertThat(
                        IdempotentAddColumn.rewrite(
                                "alter table if exists van add column color varchar(255)"))
                .isEqualTo("alter table if exists van add column if not exists color varchar(255)");
        assertThat(IdempotentAddColumn.rewrite("alter table \"My Van\" add column \"Color\" text"))
                .isEqualTo("alter table \"My Van\" add column if not exists \"Color\" text");
        assertThat(IdempotentAddColumn.rewrite("alter table if exists app.van add column c int"))
                .isEqualTo("alter table if exists app.van add column if not exists c int");
    }

    @Test
    void everythingElseIsLeftAlone() {
        String[] untouched = {
            "alter table van add column if not exists color text",
            "alter table van add constraint fk foreign key (a) references b",
            "create table van (id bigint, color text)",
            "select 'alter table x add column y'",
            "alter table van alter column color set data type text",
            "alter table t alter column y set default 'x add column y'",
            "alter table van add constraint c check (note <> 'add column')"
        };
        for (String sql : untouched) {
            assertThat(IdempotentAddColumn.rewrite(sql)).isEqualTo(sql);
        }
    }
}
