package dev.pgorm.it.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.testing.PgSql;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default isolation: a schema of its own, and an application role that RLS applies to. */
@PgTest
class SchemaIsolationIT {

    @Test
    void worksInItsOwnSchemaFirstOnTheSearchPath(PgTestDatabase db) {
        assertThat(db.schema()).startsWith("it_schemaisolationit_");
        assertThat(db.sql().queryValue("select current_schema()", String.class))
                .isEqualTo(db.schema());
        db.execute("create table probe (id int primary key)");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select table_schema from information_schema.tables where"
                                                + " table_name = 'probe'",
                                        String.class))
                .isEqualTo(db.schema());
    }

    @Test
    void appRoleIsNeitherSuperuserNorBypassrlsNorOwner(PgTestDatabase db) {
        db.execute("create table owned (id int primary key)", "insert into owned values (1)");
        Map<String, Object> role =
                db.sql()
                        .query(
                                "select rolsuper, rolbypassrls from pg_roles where rolname = ?",
                                db.appRoleName())
                        .get(0);
        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select pg_get_userbyid(relowner) from pg_class where oid ="
                                                + " 'owned'::regclass",
                                        String.class))
                .isNotEqualTo(db.appRoleName());

        PgSql app = db.asAppRole();
        assertThat(app.queryValue("select current_user", String.class)).isEqualTo(db.appRoleName());
        assertThat(app.queryValue("select count(*) from owned", Long.class)).isEqualTo(1L);
        assertThat(app.update("update owned set id = 2")).isEqualTo(1);
        assertThatThrownBy(() -> app.execute("create table mine (id int)"))
                .isInstanceOf(PgSql.PgSqlException.class)
                .satisfies(
                        e -> assertThat(((PgSql.PgSqlException) e).sqlState()).isEqualTo("42501"));
        assertThatThrownBy(() -> app.execute("drop table owned"))
                .hasMessageContaining("must be owner");
    }

    @Test
    void rowLevelSecurityAppliesToTheAppRole(PgTestDatabase db) {
        db.execute(
                "create table notes (id int primary key, tenant text not null)",
                "insert into notes values (1, 'a'), (2, 'b')",
                "alter table notes enable row level security",
                "create policy by_tenant on notes using (tenant = current_setting('app.tenant',"
                        + " true))");
        // The owner bypasses RLS, the application role does not.
        assertThat(db.sql().queryValue("select count(*) from notes", Long.class)).isEqualTo(2L);
        assertThat(db.asAppRole().queryValue("select count(*) from notes", Long.class))
                .isEqualTo(0L);
        assertThat(
                        db.asAppRole()
                                .queryValue(
                                        "select count(*) from (select set_config('app.tenant',"
                                                + " 'a', false)) s, notes",
                                        Long.class))
                .isEqualTo(1L);
    }
}
