package dev.pgorm.rls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainStatementTest {

    private static boolean outsideOnly(String sql) {
        return PlainStatement.OUTSIDE_TRANSACTION_ONLY.matcher(sql).find();
    }

    @Test
    void commandsThatRefuseATransactionBlockAreRecognised() {
        assertThat(outsideOnly("vacuum analyze memo")).isTrue();
        assertThat(outsideOnly("  VACUUM")).isTrue();
        assertThat(outsideOnly("create index concurrently memo_body on memo (body)")).isTrue();
        assertThat(outsideOnly("CREATE UNIQUE INDEX\nCONCURRENTLY i on memo (id)")).isTrue();
        assertThat(outsideOnly("drop index concurrently memo_body")).isTrue();
        assertThat(outsideOnly("reindex (verbose) table concurrently memo")).isTrue();
        assertThat(outsideOnly("create database other")).isTrue();
        assertThat(outsideOnly("alter system set work_mem = '8MB'")).isTrue();
    }

    @Test
    void ordinaryStatementsAreNot() {
        assertThat(outsideOnly("select * from vacuum_log")).isFalse();
        assertThat(outsideOnly("create index memo_body on memo (body)")).isFalse();
        assertThat(outsideOnly("update memo set body = 'vacuum'")).isFalse();
        assertThat(outsideOnly("reindex table memo")).isFalse();
        assertThat(outsideOnly("vacuumed")).isFalse();
    }
}
