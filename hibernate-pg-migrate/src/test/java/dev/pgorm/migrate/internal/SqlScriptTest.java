package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.internal.WriterPlans.CLOCK;
import static dev.pgorm.migrate.internal.WriterPlans.fourGroups;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.migrate.PgMigrationStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script =
                """
                -- a comment; not a statement
                SET lock_timeout = '3s';
                INSERT INTO t VALUES ('a;b', 'it''s;', E'\\';x', "odd;name");
                /* block; /* nested; */ still comment; */ SELECT 1;
                CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
                CREATE FUNCTION g() RETURNS int AS $body$ SELECT 2; $body$ LANGUAGE sql;
                SELECT $1::int, a$b FROM t -- trailing; comment
                ;
                -- only a comment at the end;
                """;
        assertThat(SqlScript.statements(script))
                .containsExactly(
                        "-- a comment; not a statement\nSET lock_timeout = '3s'",
                        "INSERT INTO t VALUES ('a;b', 'it''s;', E'\\';x', \"odd;name\")",
                        "/* block; /* nested; */ still comment; */ SELECT 1",
                        "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE"
                                + " plpgsql",
                        "CREATE FUNCTION g() RETURNS int AS $body$ SELECT 2; $body$ LANGUAGE sql",
                        "SELECT $1::int, a$b FROM t -- trailing; comment");
    }

    @Test
    void readsBackTheStatementsOfAWrittenFlywayFile(@TempDir Path dir) throws IOException {
        List<PgMigrationStatement> plan = fourGroups();
        List<Path> files = FlywayWriter.write(plan, dir, "indexes", CLOCK);

        List<String> statements = SqlScript.statements(Files.readString(files.get(1)));

        assertThat(statements).hasSize(4);
        assertThat(statements.get(0))
                .startsWith("-- Written by PG-ORM")
                .endsWith("SET lock_timeout = '3s'");
        assertThat(statements.subList(1, 4))
                .containsExactlyElementsOf(
                        plan.subList(4, 7).stream().map(PgMigrationStatement::sql).toList());
    }
}
