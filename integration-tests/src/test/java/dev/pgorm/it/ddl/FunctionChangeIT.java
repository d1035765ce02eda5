package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.trigger.PgFunction;
import dev.pgorm.ddl.trigger.Volatility;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A declared function whose return type or parameter names change: {@code CREATE OR REPLACE} cannot
 * do that, so {@code update} replaces it, unless something still uses it; {@code validate} sees a
 * changed definition.
 */
@PgTest
class FunctionChangeIT {

    @Entity(name = "Player")
    @Table(name = "player")
    @PgFunction(
            name = "score",
            arguments = "x integer default 1",
            returns = "integer",
            language = "sql",
            volatility = Volatility.IMMUTABLE,
            body = "select x * 2")
    static class PlayerV1 {
        @Id Long id;
    }

    /** The next version: another parameter name and return type. */
    @Entity(name = "Player")
    @Table(name = "player")
    @PgFunction(
            name = "score",
            arguments = "points integer",
            returns = "bigint",
            language = "sql",
            volatility = Volatility.IMMUTABLE,
            body = "select points::bigint * 3")
    static class PlayerV2 {
        @Id Long id;
    }

    private static String result(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        "select pg_get_function_result('score(integer)'::regprocedure) || ' '"
                                + " || score(2)::text",
                        String.class);
    }

    @BeforeEach
    void v1(PgTestDatabase db) {
        db.resetSchema();
        db.schemaAction("create", PlayerV1.class);
        db.execute("insert into player (id) values (1)");
    }

    @Test
    void updateReplacesAFunctionWhoseReturnTypeChanged(PgTestDatabase db) {
        assertThat(result(db)).isEqualTo("integer 4");
        assertThat(db.sql().queryValue("select score()", Integer.class)).isEqualTo(2);
        assertThatThrownBy(() -> db.schemaAction("validate", PlayerV2.class))
                .hasStackTraceContaining("function score");
        db.schemaAction("update", PlayerV2.class);
        assertThat(result(db)).isEqualTo("bigint 6");
        db.schemaAction("update", PlayerV2.class);
        db.schemaAction("validate", PlayerV2.class);
        assertThat(db.sql().queryValue("select count(*) from player", Long.class)).isEqualTo(1L);
    }

    @Test
    void aReplacedFunctionKeepsItsGrants(PgTestDatabase db) {
        String app = db.appRoleName();
        db.execute(
                "revoke all on function score(integer) from public",
                "grant execute on function score(integer) to " + app);
        db.schemaAction("update", PlayerV2.class);
        assertThat(result(db)).isEqualTo("bigint 6");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select has_function_privilege(?, 'score(integer)', 'execute')"
                                                + " and not exists (select 1 from aclexplode((select proacl from pg_proc"
                                                + " where oid = 'score(integer)'::regprocedure)) where grantee = 0)",
                                        Boolean.class,
                                        app))
                .isTrue();
    }

    @Test
    void aFunctionSomethingStillUsesIsKeptAndNamed(PgTestDatabase db) {
        db.execute("create view player_score as select id, score(id::int) as s from player");
        assertThatThrownBy(() -> db.schemaAction("update", PlayerV2.class))
                .hasStackTraceContaining("after schema update, missing or different")
                .hasStackTraceContaining("function score");
        assertThat(result(db)).isEqualTo("integer 4");
        assertThat(db.sql().queryValue("select s from player_score", Integer.class)).isEqualTo(2);
    }

    /** A function in a schema whose name needs quotes. */
    @Entity(name = "Player")
    @Table(name = "player")
    @PgFunction(
            name = "GameStats.rank",
            arguments = "x integer",
            returns = "integer",
            language = "sql",
            body = "select x + 1")
    static class RankV1 {
        @Id Long id;
    }

    @Entity(name = "Player")
    @Table(name = "player")
    @PgFunction(
            name = "GameStats.rank",
            arguments = "x integer",
            returns = "bigint",
            language = "sql",
            body = "select x::bigint + 2")
    static class RankV2 {
        @Id Long id;
    }

    @Test
    void aFunctionInAQuotedSchemaIsReplacedToo(PgTestDatabase db) {
        db.execute("drop schema if exists \"GameStats\" cascade", "create schema \"GameStats\"");
        try {
            db.schemaAction("update", RankV1.class);
            db.schemaAction("update", RankV2.class);
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select pg_get_function_result('\"GameStats\".rank(integer)'::regprocedure)"
                                                    + " || ' ' || \"GameStats\".rank(1)::text",
                                            String.class))
                    .isEqualTo("bigint 3");
        } finally {
            db.execute("drop schema \"GameStats\" cascade");
        }
    }
}
