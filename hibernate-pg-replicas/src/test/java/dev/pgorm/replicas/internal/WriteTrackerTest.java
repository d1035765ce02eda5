package dev.pgorm.replicas.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteTrackerTest {

    @Test
    void selectsAndShowsCannotWrite() {
        assertThat(WriteTracker.mayWrite("select n1_0.id from Note n1_0 where n1_0.id=?"))
                .isFalse();
        assertThat(WriteTracker.mayWrite("  /* comment */ SELECT 1")).isFalse();
        assertThat(WriteTracker.mayWrite("-- line\n(select 1) union (select 2)")).isFalse();
        assertThat(WriteTracker.mayWrite("show search_path")).isFalse();
        assertThat(WriteTracker.mayWrite("values (1)")).isFalse();
    }

    @Test
    void everythingElseMayWrite() {
        assertThat(WriteTracker.mayWrite("insert into Note (text,id) values (?,?)")).isTrue();
        assertThat(WriteTracker.mayWrite("update Note set text=? where id=?")).isTrue();
        assertThat(WriteTracker.mayWrite("delete from Note where id=?")).isTrue();
        assertThat(WriteTracker.mayWrite("with moved as (delete from a returning *) select 1"))
                .isTrue();
        assertThat(WriteTracker.mayWrite("merge into t using s on true when matched then delete"))
                .isTrue();
        assertThat(WriteTracker.mayWrite("selectivity()")).isTrue();
        assertThat(WriteTracker.mayWrite("/* unterminated")).isTrue();
    }
}
