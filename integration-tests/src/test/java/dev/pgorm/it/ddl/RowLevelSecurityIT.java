package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.PolicyCommand;
import dev.pgorm.ddl.rls.PolicyType;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Row-level security and policies declared on an entity, checked as an unprivileged role. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityIT {

    // tag::rls[]
    @Entity(name = "Note")
    @Table(name = "note")
    @RowLevelSecurity(force = true)
    @Policy(name = "tenant_isolation", column = "tenantId", setting = "app.tenant_id")
    @Policy(
            name = "hide_archived",
            type = PolicyType.RESTRICTIVE,
            command = PolicyCommand.SELECT,
            using = "not archived")
    static class Note {
        @Id Long id;
        long tenantId;
        boolean archived;
        String text;
    }

    // end::rls[]

    @BeforeAll
    void setUp(PgTestDatabase db) {
        db.entityManagerFactory(Note.class);
        db.execute(
                "insert into note (id, tenantId, archived, text) values"
                        + " (1, 1, false, 'a1'), (2, 1, true, 'a2 archived'), (3, 2, false, 'b1')");
    }

    @Test
    void catalogShowsRlsAndPolicies(PgTestDatabase db) {
        Map<String, Object> flags =
                db.sql()
                        .query(
                                "select relrowsecurity, relforcerowsecurity from pg_class where oid = 'note'::regclass")
                        .get(0);
        assertThat(flags)
                .containsEntry("relrowsecurity", true)
                .containsEntry("relforcerowsecurity", true);
        List<Map<String, Object>> policies =
                db.sql()
                        .query(
                                "select policyname, permissive, cmd, roles::text as roles, qual, with_check from pg_policies"
                                        + " where schemaname = current_schema() and tablename = 'note' order by policyname");
        assertThat(policies).hasSize(2);
        assertThat(policies.get(0))
                .containsEntry("policyname", "hide_archived")
                .containsEntry("permissive", "RESTRICTIVE")
                .containsEntry("cmd", "SELECT")
                .containsEntry("qual", "(NOT archived)");
        assertThat(policies.get(1))
                .containsEntry("policyname", "tenant_isolation")
                .containsEntry("permissive", "PERMISSIVE")
                .containsEntry("cmd", "ALL")
                .containsEntry("roles", "{public}");
        assertThat((String) policies.get(1).get("qual"))
                .isEqualTo(
                        "(tenantid = ( SELECT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::bigint AS \"nullif\"))");
        assertThat(policies.get(1).get("with_check")).isEqualTo(policies.get(1).get("qual"));
    }

    private static List<String> visibleTexts(PgTestDatabase db, String tenant) throws SQLException {
        try (Connection c = db.appRoleDataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (tenant != null) {
                    try (PreparedStatement ps =
                            c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                        ps.setString(1, tenant);
                        ps.execute();
                    }
                }
                List<String> texts = new java.util.ArrayList<>();
                try (PreparedStatement ps =
                                c.prepareStatement("select text from note order by id");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        texts.add(rs.getString(1));
                    }
                }
                return texts;
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void updateRemovesPoliciesThatAreNoLongerDeclared(PgTestDatabase db) throws SQLException {
        db.execute("create policy forgotten_open on note using (true)");
        assertThat(visibleTexts(db, null)).isNotEmpty();
        db.schemaAction("update", Note.class);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_policies where tablename = 'note' and schemaname = current_schema()",
                                        Long.class))
                .isEqualTo(2L);
        assertThat(visibleTexts(db, null)).isEmpty();
    }

    @Test
    void eachTenantSeesOnlyItsOwnLiveRows(PgTestDatabase db) throws SQLException {
        assertThat(visibleTexts(db, "1")).containsExactly("a1");
        assertThat(visibleTexts(db, "2")).containsExactly("b1");
    }

    @Test
    void missingOrEmptySettingMatchesNothing(PgTestDatabase db) throws SQLException {
        assertThat(visibleTexts(db, null)).isEmpty();
        assertThat(visibleTexts(db, "")).isEmpty();
    }

    /** The next version with a typo in a restrictive policy: its new text cannot be created. */
    @Entity(name = "Note")
    @Table(name = "note")
    @RowLevelSecurity(force = true)
    @Policy(name = "tenant_isolation", column = "tenantId", setting = "app.tenant_id")
    @Policy(
            name = "hide_archived",
            type = PolicyType.RESTRICTIVE,
            command = PolicyCommand.SELECT,
            using = "not archivd")
    static class NoteWithTypo {
        @Id Long id;
        long tenantId;
        boolean archived;
        String text;
    }

    /** The next version with a stricter restrictive policy. */
    @Entity(name = "Note")
    @Table(name = "note")
    @RowLevelSecurity(force = true)
    @Policy(name = "tenant_isolation", column = "tenantId", setting = "app.tenant_id")
    @Policy(
            name = "hide_archived",
            type = PolicyType.RESTRICTIVE,
            command = PolicyCommand.SELECT,
            using = "not archived and text <> 'a1'")
    static class NoteStricter {
        @Id Long id;
        long tenantId;
        boolean archived;
        String text;
    }

    // tag::superclass[]
    /** Every tenant-owned entity extends this: its table gets row-level security and the policy. */
    @jakarta.persistence.MappedSuperclass
    @RowLevelSecurity(force = true)
    @Policy(name = "tenant_only", column = "tenantId", setting = "app.tenant_id")
    @dev.pgorm.ddl.index.PgIndex(columns = "tenantId")
    abstract static class TenantOwned {
        long tenantId;
    }

    @Entity(name = "Ticket")
    @Table(name = "ticket")
    static class Ticket extends TenantOwned {
        @Id Long id;
        String title;
    }

    // end::superclass[]

    @Test
    void aMappedSuperclassDeclaresRlsPoliciesAndIndexesForItsEntities(PgTestDatabase db)
            throws SQLException {
        db.schemaAction("update", Ticket.class);
        db.execute("insert into ticket (id, tenantId, title) values (1, 1, 't1'), (2, 2, 't2')");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select relrowsecurity and relforcerowsecurity from pg_class where oid = 'ticket'::regclass",
                                        Boolean.class))
                .isTrue();
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_indexes where schemaname = current_schema()"
                                                + " and tablename = 'ticket' and indexdef like '%(tenantid)%'",
                                        Long.class))
                .isEqualTo(1L);
        try (Connection c = db.appRoleDataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set =
                            c.prepareStatement("select set_config('app.tenant_id', '2', true)");
                    PreparedStatement read =
                            c.prepareStatement("select title from ticket order by id")) {
                set.execute();
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("t2");
                    assertThat(rs.next()).isFalse();
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** A tenant column with a column definition that says more than its type. */
    @Entity(name = "Memo")
    @Table(name = "memo")
    @RowLevelSecurity
    @Policy(name = "memo_tenant", column = "tenant", setting = "app.tenant_id")
    static class Memo {
        @Id Long id;

        @jakarta.persistence.Column(columnDefinition = "varchar(64) not null default 'none'")
        String tenant;
    }

    @Test
    void aGeneratedPolicyCastsToTheTypeOfAColumnDefinition(PgTestDatabase db) {
        db.schemaAction("update", Memo.class);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select qual from pg_policies where schemaname = current_schema()"
                                                + " and policyname = 'memo_tenant'",
                                        String.class))
                .contains("::character varying(64)");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select column_default from information_schema.columns where"
                                                + " table_schema = current_schema() and table_name = 'memo'"
                                                + " and column_name = 'tenant'",
                                        String.class))
                .contains("none");
    }

    @Test
    void aPolicyWhoseNewTextFailsKeepsTheOldPolicies(PgTestDatabase db) throws SQLException {
        try {
            assertThatThrownBy(() -> db.schemaAction("update", NoteWithTypo.class))
                    .hasStackTraceContaining("after schema update, missing or different")
                    .hasStackTraceContaining("policy hide_archived on note");
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select qual from pg_policies where schemaname = current_schema()"
                                                    + " and tablename = 'note' and policyname = 'hide_archived'",
                                            String.class))
                    .isEqualTo("(NOT archived)");
            assertThat(visibleTexts(db, "1")).containsExactly("a1");
        } finally {
            db.schemaAction("update", Note.class);
        }
    }

    @Test
    void validateReportsAChangedPolicyAndUpdateAppliesIt(PgTestDatabase db) throws SQLException {
        try {
            assertThatThrownBy(
                            () ->
                                    db.entityManagerFactory(
                                            List.of(NoteStricter.class),
                                            Map.of("hibernate.hbm2ddl.auto", "validate")))
                    .hasStackTraceContaining("policy hide_archived on note");
            db.schemaAction("update", NoteStricter.class);
            db.schemaAction("validate", NoteStricter.class);
            assertThat(visibleTexts(db, "1")).isEmpty();
        } finally {
            db.schemaAction("update", Note.class);
        }
        assertThat(visibleTexts(db, "1")).containsExactly("a1");
    }

    @Test
    void withCheckRejectsAnotherTenantsRow(PgTestDatabase db) throws SQLException {
        try (Connection c = db.appRoleDataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set =
                    c.prepareStatement("select set_config('app.tenant_id', '1', true)")) {
                set.execute();
            }
            try (PreparedStatement update =
                    c.prepareStatement("update note set text = 'x' where id = 3")) {
                assertThat(update.executeUpdate()).isZero();
            }
            try (PreparedStatement insert =
                    c.prepareStatement(
                            "insert into note (id, tenantId, archived, text) values (9, 2, false, 'forged')")) {
                assertThatThrownBy(insert::executeUpdate)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("new row violates row-level security policy");
            }
            c.rollback();
        }
    }
}
