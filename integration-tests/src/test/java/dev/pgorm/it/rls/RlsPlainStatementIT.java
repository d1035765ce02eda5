package dev.pgorm.it.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.rls.PgRlsSettings;
import dev.pgorm.rls.RlsContext;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Plain {@link Statement}s (what Spring's {@code JdbcTemplate.queryForList(sql)} uses) get the
 * settings like prepared statements: as the first statement of a transaction, in auto-commit mode,
 * in batches, and under {@code pgorm.rls.required}. Runs as the application role (no superuser, no
 * owner, no BYPASSRLS) on a pool of one connection.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RlsPlainStatementIT {

    @Entity(name = "Memo")
    @Table(name = "memo")
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenantId", setting = "app.tenant_id")
    static class Memo {
        @Id Long id;
        long tenantId;
        String body;
    }

    private PgTestDatabase db;
    private HikariDataSource appPool;
    private SessionFactory app;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        this.db = db;
        db.entityManagerFactory(Memo.class); // the owner creates the schema
        appPool = RlsContextIT.pool(db, 1);
        app = factory(appPool, Map.of());
    }

    @AfterAll
    void closePool() {
        app.close();
        appPool.close();
    }

    @BeforeEach
    void rows() {
        db.execute(
                "delete from memo",
                "insert into memo (id, tenantId, body) values (1, 1, 'a'), (2, 1, 'b'), (3, 2, 'c')");
    }

    private SessionFactory factory(HikariDataSource pool, Map<String, Object> more) {
        Map<String, Object> properties = new java.util.HashMap<>(more);
        properties.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        properties.put(AvailableSettings.HBM2DDL_AUTO, "none");
        return db.entityManagerFactory(List.of(Memo.class), properties);
    }

    private static List<Long> ids(Statement st, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Rows as the owner (a superuser) sees them: every tenant's. */
    private List<String> allRows() {
        return db
                .sql()
                .query("select id || ':' || tenantId || ':' || body as r from memo order by id")
                .stream()
                .map(row -> (String) row.get("r"))
                .toList();
    }

    /** What the connection itself holds, read past PG-ORM on the driver's connection. */
    private static String settingLeft(Connection c) throws SQLException {
        Connection raw = (Connection) c.unwrap(org.postgresql.PGConnection.class);
        try (Statement st = raw.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "select coalesce(current_setting('app.tenant_id', true), '')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aPlainStatementFirstInATransactionSeesOnlyTheTenantsRows() {
        // tag::plain[]
        try (RlsContext.Scope scope = RlsContext.set("app.tenant_id", "1")) {
            List<Long> ids =
                    app.fromTransaction(
                            s ->
                                    s.doReturningWork(
                                            c -> {
                                                try (Statement st = c.createStatement()) {
                                                    return ids(
                                                            st, "select id from memo order by id");
                                                }
                                            }));
            assertThat(ids).containsExactly(1L, 2L);
        }
        // end::plain[]
    }

    @Test
    void plainUpdatesAndBatchesInATransactionTouchOnlyTheTenantsRows() {
        try (var scope = RlsContext.set("app.tenant_id", "1")) {
            int updated =
                    app.fromTransaction(
                            s ->
                                    s.doReturningWork(
                                            c -> {
                                                try (Statement st = c.createStatement()) {
                                                    return st.executeUpdate(
                                                            "update memo set body = body || '!'");
                                                }
                                            }));
            assertThat(updated).isEqualTo(2);
            int[] inserted =
                    app.fromTransaction(
                            s ->
                                    s.doReturningWork(
                                            c -> {
                                                try (Statement st = c.createStatement()) {
                                                    st.addBatch(
                                                            "insert into memo (id, body, tenantId) values (10, 'd', 1)");
                                                    st.addBatch(
                                                            "insert into memo (id, body, tenantId) values (11, 'e', 1)");
                                                    return st.executeBatch();
                                                }
                                            }));
            assertThat(inserted).containsExactly(1, 1);
            int deleted =
                    app.fromTransaction(
                            s ->
                                    s.doReturningWork(
                                            c -> {
                                                try (Statement st = c.createStatement()) {
                                                    assertThat(
                                                                    st.execute(
                                                                            "delete from memo where id = 3"))
                                                            .isFalse();
                                                    return st.getUpdateCount();
                                                }
                                            }));
            assertThat(deleted).as("tenant 2's row").isZero();
            assertThatThrownBy(
                            () ->
                                    app.inTransaction(
                                            s ->
                                                    s.doWork(
                                                            c -> {
                                                                try (Statement st =
                                                                        c.createStatement()) {
                                                                    st.addBatch(
                                                                            "insert into memo (id, body, tenantId) values (12, 'x', 2)");
                                                                    st.executeBatch();
                                                                }
                                                            })))
                    .hasStackTraceContaining("new row violates row-level security policy");
        }
        assertThat(allRows()).containsExactly("1:1:a!", "2:1:b!", "3:2:c", "10:1:d", "11:1:e");
    }

    @Test
    void autoCommitPlainStatementsCarryTheSettingsAndCommit() {
        try (var scope = RlsContext.set("app.tenant_id", "1");
                Session s = app.openSession()) {
            s.doWork(
                    c -> {
                        assertThat(c.getAutoCommit()).isTrue();
                        try (Statement st = c.createStatement()) {
                            assertThat(ids(st, "select id from memo order by id"))
                                    .containsExactly(1L, 2L);
                            st.setFetchSize(1);
                            assertThat(ids(st, "select id from memo order by id"))
                                    .as("fetch size 1")
                                    .containsExactly(1L, 2L);
                            st.setFetchSize(0);
                            assertThat(st.executeUpdate("update memo set body = body || '!'"))
                                    .isEqualTo(2);
                            assertThat(st.executeLargeUpdate("delete from memo where id = 3"))
                                    .isZero();
                            st.addBatch(
                                    "insert into memo (id, body, tenantId) values (10, 'd', 1)");
                            st.addBatch(
                                    "insert into memo (id, body, tenantId) values (11, 'e', 1)");
                            assertThat(st.executeBatch()).containsExactly(1, 1);
                            st.addBatch(
                                    "insert into memo (id, body, tenantId) values (12, 'x', 2)");
                            assertThatThrownBy(st::executeBatch)
                                    .hasStackTraceContaining(
                                            "new row violates row-level security policy");
                            assertThat(st.execute("select count(*) from memo")).isTrue();
                            try (ResultSet rs = st.getResultSet()) {
                                rs.next();
                                assertThat(rs.getLong(1)).isEqualTo(4);
                            }
                        }
                        try (Statement st = c.createStatement()) {
                            // refused inside a transaction block, so it runs as it is
                            assertThat(st.execute("vacuum memo")).isFalse();
                        }
                        assertThat(c.getAutoCommit()).isTrue();
                        assertThat(settingLeft(c)).isEmpty();
                    });
        }
        // committed when each call returned
        assertThat(allRows()).containsExactly("1:1:a!", "2:1:b!", "3:2:c", "10:1:d", "11:1:e");
    }

    @Test
    void withoutContextPlainStatementsSeeNothing() {
        List<Long> ids =
                app.fromTransaction(
                        s ->
                                s.doReturningWork(
                                        c -> {
                                            try (Statement st = c.createStatement()) {
                                                return ids(st, "select id from memo");
                                            }
                                        }));
        assertThat(ids).isEmpty();
    }

    @Test
    void requiredModeRefusesPlainStatementsWithoutContext() {
        try (HikariDataSource pool = RlsContextIT.pool(db, 1);
                SessionFactory strict = factory(pool, Map.of(PgRlsSettings.REQUIRED, "true"))) {
            String refused =
                    "no row-level security setting is in effect for a statement on table memo";
            assertThatThrownBy(
                            () ->
                                    strict.inTransaction(
                                            s ->
                                                    s.doWork(
                                                            c -> {
                                                                try (Statement st =
                                                                        c.createStatement()) {
                                                                    ids(st, "select id from memo");
                                                                }
                                                            })))
                    .as("query in a transaction")
                    .hasStackTraceContaining(refused);
            assertThatThrownBy(
                            () ->
                                    strict.inTransaction(
                                            s ->
                                                    s.doWork(
                                                            c -> {
                                                                try (Statement st =
                                                                        c.createStatement()) {
                                                                    st.addBatch(
                                                                            "insert into memo (id, body, tenantId) values (20, 'x', 1)");
                                                                    st.executeBatch();
                                                                }
                                                            })))
                    .as("batch in a transaction")
                    .hasStackTraceContaining(refused);
            try (Session s = strict.openSession()) {
                s.doWork(
                        c -> {
                            try (Statement st = c.createStatement()) {
                                assertThatThrownBy(() -> st.executeUpdate("delete from memo"))
                                        .as("auto-commit")
                                        .hasStackTraceContaining(refused);
                                assertThat(ids(st, "select 7")).containsExactly(7L);
                            }
                        });
            }
            try (var scope = RlsContext.set("app.tenant_id", "2")) {
                List<Long> ids =
                        strict.fromTransaction(
                                s ->
                                        s.doReturningWork(
                                                c -> {
                                                    try (Statement st = c.createStatement()) {
                                                        return ids(st, "select id from memo");
                                                    }
                                                }));
                assertThat(ids).containsExactly(3L);
            }
        }
        assertThat(allRows()).hasSize(3);
    }
}
