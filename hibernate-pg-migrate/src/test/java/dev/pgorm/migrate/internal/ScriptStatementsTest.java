package dev.pgorm.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptStatementsTest {

    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        String script =
                """
                -- header; with a semicolon
                SET lock_timeout = '3s';
                /* a; /* nested; */ comment */
                CREATE INDEX CONCURRENTLY "a;b" ON t (c);
                INSERT INTO t VALUES ('it''s; fine');
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;
                DO $$ BEGIN PERFORM 1; END $$
                """;
        assertThat(ScriptStatements.split(script))
                .containsExactly(
                        "-- header; with a semicolon\nSET lock_timeout = '3s'",
                        "/* a; /* nested; */ comment */\nCREATE INDEX CONCURRENTLY \"a;b\" ON t (c)",
                        "INSERT INTO t VALUES ('it''s; fine')",
                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$",
                        "DO $$ BEGIN PERFORM 1; END $$");
    }

    @Test
    void dropsBlankAndCommentOnlyStatements() {
        assertThat(ScriptStatements.split("-- only a comment\n;\n ;  ")).isEmpty();
        assertThat(ScriptStatements.split("SELECT $1; SELECT a$b$c FROM t"))
                .containsExactly("SELECT $1", "SELECT a$b$c FROM t");
    }
}
