package dev.pgorm.it.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
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
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGStatement;

/**
 * The JDBC paths besides a plain prepared query: generated keys, batches, metadata before
 * execution, stored function calls, auto-commit mode, savepoints and pgjdbc's autosave. Runs as the
 * application role (no superuser, no owner, no BYPASSRLS) on pools of one connection.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RlsJdbcPathsIT {

    @Entity(name = "Invoice")
    @Table(name = "invoice")
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenantId", setting = "app.tenant_id")
    static class Invoice {
        @Id Long id;
        long tenantId;
        long amount;
    }

    private HikariDataSource appPool;
    private SessionFactory app;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        db.entityManagerFactory(Invoice.class);
        db.execute(
                "insert into invoice (id, tenantId, amount) values (1, 1, 100), (2, 1, 200), (3, 2, 300)",
                "create function invoice_count() returns bigint language sql stable"
                        + " as 'select count(*) from invoice'");
        appPool = pool(db, "");
        app = factory(appPool, Map.of());
    }

    @AfterAll
    void closePool() {
        app.close();
        appPool.close();
    }

    private static HikariDataSource pool(PgTestDatabase db, String urlParameters) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl() + urlParameters);
        config.setUsername(db.appRoleName());
        config.setPassword(db.appRoleName());
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    private SessionFactory factory(HikariDataSource pool, Map<String, Object> more) {
        return new org.hibernate.jpa.HibernatePersistenceConfiguration("rls-jdbc-paths")
                .managedClasses(Invoice.class)
                .properties(
                        Map.of(
                                AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                pool,
                                AvailableSettings.HBM2DDL_AUTO,
                                "none"))
                .properties(more)
                .createEntityManagerFactory();
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from invoice");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * What the connection itself holds, read on the driver's connection: a plain statement through
     * PG-ORM would get the scope's settings applied for it.
     */
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
    void autoCommitStatementsThatCannotBeCombinedStillCarryTheSettings() {
        try (var scope = RlsContext.set("app.tenant_id", "1");
                Session s = app.openSession()) {
            s.doWork(
                    c -> {
                        assertThat(c.getAutoCommit()).isTrue();
                        try (PreparedStatement ps =
                                c.prepareStatement(
                                        "update invoice set amount = amount where tenantId = 1",
                                        Statement.RETURN_GENERATED_KEYS)) {
                            assertThat(ps.executeUpdate()).as("generated keys").isEqualTo(2);
                        }
                        try (PreparedStatement ps =
                                c.prepareStatement(
                                        "update invoice set amount = amount where id = ?")) {
                            ps.setLong(1, 1);
                            ps.addBatch();
                            ps.setLong(1, 2);
                            ps.addBatch();
                            assertThat(ps.executeBatch()).as("batch").containsExactly(1, 1);
                        }
                        try (PreparedStatement ps =
                                c.prepareStatement("select id from invoice order by id")) {
                            ps.setFetchSize(1);
                            assertThat(ps.getMetaData().getColumnCount()).isEqualTo(1);
                            try (ResultSet rs = ps.executeQuery()) {
                                assertThat(rs.next()).isTrue();
                                assertThat(rs.next()).as("metadata first, fetch size 1").isTrue();
                                assertThat(rs.getLong(1)).isEqualTo(2);
                            }
                        }
                        try (CallableStatement call = c.prepareCall("{? = call invoice_count()}")) {
                            call.registerOutParameter(1, Types.BIGINT);
                            call.execute();
                            assertThat(call.getLong(1)).as("function call").isEqualTo(2);
                        }
                        try (PreparedStatement ps =
                                c.prepareStatement("select count(*) from invoice")) {
                            assertThatThrownBy(() -> ps.unwrap(PGStatement.class))
                                    .hasMessageContaining("in auto-commit mode")
                                    .hasMessageContaining("inside a transaction");
                        }
                        assertThat(c.getAutoCommit()).isTrue();
                        assertThat(settingLeft(c)).isEmpty();
                    });
        }
    }

    @Test
    void callsInATransactionCarryTheSettingsAndAreCheckedWhenRequired(PgTestDatabase db) {
        try (var scope = RlsContext.set("app.tenant_id", "1")) {
            long n =
                    app.fromTransaction(
                            s ->
                                    s.doReturningWork(
                                            c -> {
                                                try (CallableStatement call =
                                                        c.prepareCall(
                                                                "{? = call invoice_count()}")) {
                                                    call.registerOutParameter(1, Types.BIGINT);
                                                    call.execute();
                                                    return call.getLong(1);
                                                }
                                            }));
            assertThat(n).isEqualTo(2);
        }
        try (HikariDataSource pool = pool(db, "");
                SessionFactory strict = factory(pool, Map.of(PgRlsSettings.REQUIRED, "true"))) {
            assertThatThrownBy(
                            () ->
                                    strict.inTransaction(
                                            s ->
                                                    s.doWork(
                                                            c ->
                                                                    c.prepareCall(
                                                                                    "select count(*) from invoice")
                                                                            .close())))
                    .hasStackTraceContaining(
                            "no row-level security setting is in effect for a statement on table invoice");
        }
    }

    @Test
    void settingsSurviveARollbackToASavepoint() {
        try (var scope = RlsContext.set("app.tenant_id", "1")) {
            List<Long> counts =
                    app.fromTransaction(
                            s ->
                                    s.doReturningWork(
                                            c -> {
                                                Savepoint sp = c.setSavepoint();
                                                long before = count(c); // applies the settings
                                                c.rollback(sp);
                                                long after = count(c);
                                                return List.of(before, after);
                                            }));
            assertThat(counts).containsExactly(2L, 2L);
        }
    }

    @Test
    void settingsSurvivePgjdbcAutosaveAfterAFailedFirstStatement(PgTestDatabase db) {
        try (HikariDataSource pool = pool(db, "&autosave=always");
                SessionFactory autosave = factory(pool, Map.of());
                var scope = RlsContext.set("app.tenant_id", "1")) {
            long n =
                    autosave.fromTransaction(
                            s ->
                                    s.doReturningWork(
                                            c -> {
                                                assertThatThrownBy(
                                                                () -> {
                                                                    try (PreparedStatement ps =
                                                                            c.prepareStatement(
                                                                                    "select 1 / 0")) {
                                                                        ps.executeQuery();
                                                                    }
                                                                })
                                                        .hasMessageContaining("division by zero");
                                                return count(c);
                                            }));
            assertThat(n).isEqualTo(2);
        }
    }
}
