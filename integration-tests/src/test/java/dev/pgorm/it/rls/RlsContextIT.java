package dev.pgorm.it.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.rls.PgRlsSettings;
import dev.pgorm.rls.RlsContext;
import dev.pgorm.rls.RlsDeploymentCheck;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The RLS context, as an application role that is neither superuser, nor owner, nor BYPASSRLS, on a
 * pool of one connection, so every transaction reuses the previous one's connection.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RlsContextIT {

    // tag::entity[]
    @Entity(name = "Invoice")
    @Table(name = "invoice")
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenantId", setting = "app.tenant_id")
    static class Invoice {
        @Id Long id;
        long tenantId;
        long amount;
    }

    // end::entity[]

    private HikariDataSource appPool;
    private SessionFactory app;

    static HikariDataSource pool(PgTestDatabase db, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.appRoleName());
        config.setPassword(db.appRoleName());
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    @BeforeAll
    void setUp(PgTestDatabase db) {
        db.entityManagerFactory(Invoice.class); // the owner creates the schema
        db.execute(
                "insert into invoice (id, tenantId, amount) values (1, 1, 100), (2, 1, 200), (3, 2, 300)");
        appPool = pool(db, 1);
        app =
                db.entityManagerFactory(
                        List.of(Invoice.class),
                        Map.of(
                                AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                appPool,
                                AvailableSettings.HBM2DDL_AUTO,
                                "none"));
    }

    @AfterAll
    void closePool() {
        app.close();
        appPool.close();
    }

    private long count() {
        return app.fromTransaction(
                s ->
                        s.createSelectionQuery("select count(*) from Invoice", Long.class)
                                .getSingleResult());
    }

    private String setting() {
        return app.fromTransaction(
                s ->
                        s.createNativeQuery(
                                        "select coalesce(current_setting('app.tenant_id', true), '<none>')",
                                        String.class)
                                .getSingleResult());
    }

    @Test
    void eachTenantSeesAndChangesOnlyItsRows() {
        // tag::scope[]
        try (RlsContext.Scope scope = RlsContext.set("app.tenant_id", "1")) {
            long mine =
                    app.fromTransaction(
                            s ->
                                    s.createSelectionQuery(
                                                    "select count(*) from Invoice", Long.class)
                                            .getSingleResult());
            assertThat(mine).isEqualTo(2);
        }
        // end::scope[]
        try (var scope = RlsContext.set("app.tenant_id", "2")) {
            assertThat(count()).isEqualTo(1);
            int updated =
                    app.fromTransaction(
                            s ->
                                    s.createMutationQuery(
                                                    "update Invoice set amount = 0 where tenantId = 1")
                                            .executeUpdate());
            int deleted =
                    app.fromTransaction(
                            s ->
                                    s.createMutationQuery("delete from Invoice where id = 1")
                                            .executeUpdate());
            assertThat(updated).isZero();
            assertThat(deleted).isZero();
            assertThatThrownBy(
                            () ->
                                    app.inTransaction(
                                            s -> {
                                                Invoice forged = new Invoice();
                                                forged.id = 99L;
                                                forged.tenantId = 1;
                                                s.persist(forged);
                                                s.flush();
                                            }))
                    .hasStackTraceContaining("new row violates row-level security policy");
        }
    }

    @Test
    void withoutContextNothingMatchesAndNothingLeaks() {
        assertThat(count()).isZero();
        assertThat(setting()).isIn("<none>", "");
        // after a commit
        RlsContext.runWith(
                Map.of("app.tenant_id", "1"), () -> assertThat(setting()).isEqualTo("1"));
        assertThat(setting()).isIn("<none>", "");
        // after a rollback
        RlsContext.runWith(
                Map.of("app.tenant_id", "1"),
                () -> {
                    Session s = app.openSession();
                    s.beginTransaction();
                    assertThat(
                                    s.createSelectionQuery(
                                                    "select count(*) from Invoice", Long.class)
                                            .getSingleResult())
                            .isEqualTo(2);
                    s.getTransaction().rollback();
                    s.close();
                });
        assertThat(setting()).isIn("<none>", "");
        // after an exception inside the transaction
        assertThatThrownBy(
                        () ->
                                RlsContext.runWith(
                                        Map.of("app.tenant_id", "1"),
                                        () ->
                                                app.inTransaction(
                                                        s -> {
                                                            s.createSelectionQuery(
                                                                            "select count(*) from Invoice",
                                                                            Long.class)
                                                                    .getSingleResult();
                                                            throw new IllegalStateException("boom");
                                                        })))
                .hasMessage("boom");
        assertThat(setting()).isIn("<none>", "");
        assertThat(count()).isZero();
    }

    @Test
    void scopesNestAndRestore() {
        try (var outer = RlsContext.set("app.tenant_id", "1")) {
            try (var inner = RlsContext.set("app.tenant_id", "2")) {
                assertThat(count()).isEqualTo(1);
            }
            assertThat(count()).isEqualTo(2);
            assertThat(RlsContext.current()).containsEntry("app.tenant_id", "1");
        }
        assertThat(RlsContext.current()).isEmpty();
        assertThatThrownBy(() -> RlsContext.set("tenant", "1"))
                .hasMessageContaining("app.tenant_id");
    }

    @Test
    void workOutsideATransactionIsCovered() {
        try (var scope = RlsContext.set("app.tenant_id", "1")) {
            try (Session s = app.openSession()) {
                // auto-commit: each statement gets the settings with it
                assertThat(
                                s.createSelectionQuery("select count(*) from Invoice", Long.class)
                                        .getSingleResult())
                        .isEqualTo(2);
                assertThat(
                                s.createSelectionQuery("select count(*) from Invoice", Long.class)
                                        .getSingleResult())
                        .isEqualTo(2);
            }
        }
    }

    @Test
    void requiredModeRefusesStatementsWithoutContext(PgTestDatabase db) {
        try (HikariDataSource pool = pool(db, 1);
                SessionFactory strict =
                        db.entityManagerFactory(
                                List.of(Invoice.class),
                                Map.of(
                                        AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool,
                                        AvailableSettings.HBM2DDL_AUTO, "none",
                                        PgRlsSettings.REQUIRED, "true"))) {
            assertThatThrownBy(
                            () ->
                                    strict.inTransaction(
                                            s ->
                                                    s.createSelectionQuery(
                                                                    "select count(*) from Invoice",
                                                                    Long.class)
                                                            .getSingleResult()))
                    .hasStackTraceContaining(
                            "no row-level security setting is in effect for a statement on table invoice");
            try (var scope = RlsContext.set("app.tenant_id", "2")) {
                long n =
                        strict.fromTransaction(
                                s ->
                                        s.createSelectionQuery(
                                                        "select count(*) from Invoice", Long.class)
                                                .getSingleResult());
                assertThat(n).isEqualTo(1);
            }
        }
    }

    /** Row-level security declared once for every tenant-owned entity. */
    @jakarta.persistence.MappedSuperclass
    @RowLevelSecurity
    @Policy(name = "tenant_only", column = "tenantId", setting = "app.tenant_id")
    abstract static class TenantOwned {
        long tenantId;
    }

    @Entity(name = "Receipt")
    @Table(name = "receipt")
    static class Receipt extends TenantOwned {
        @Id Long id;
    }

    @Test
    void requiredModeSeesRowLevelSecurityFromAMappedSuperclass(PgTestDatabase db) {
        db.schemaAction("update", Receipt.class);
        try (HikariDataSource pool = pool(db, 1);
                SessionFactory strict =
                        db.entityManagerFactory(
                                List.of(Receipt.class),
                                Map.of(
                                        AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool,
                                        AvailableSettings.HBM2DDL_AUTO, "none",
                                        PgRlsSettings.REQUIRED, "true"))) {
            assertThatThrownBy(
                            () ->
                                    strict.inTransaction(
                                            s ->
                                                    s.createSelectionQuery(
                                                                    "select count(*) from Receipt",
                                                                    Long.class)
                                                            .getSingleResult()))
                    .hasStackTraceContaining(
                            "no row-level security setting is in effect for a statement on table receipt");
        }
        // the deployment check looks at the table too
        db.execute("alter table receipt disable row level security");
        try {
            SessionFactory plain =
                    db.entityManagerFactory(
                            List.of(Receipt.class), Map.of(AvailableSettings.HBM2DDL_AUTO, "none"));
            assertThat(dev.pgorm.rls.RlsDeploymentCheck.check(plain))
                    .anySatisfy(
                            problem ->
                                    assertThat(problem)
                                            .contains(
                                                    "table receipt does not have row-level security enabled"));
            db.close(plain);
        } finally {
            db.execute("alter table receipt enable row level security");
        }
    }

    @Test
    void requiredModeSeesSchemaQualifiedAndQuotedTables(PgTestDatabase db) {
        for (Map<String, Object> naming :
                List.<Map<String, Object>>of(
                        Map.of(AvailableSettings.DEFAULT_SCHEMA, db.schema()),
                        Map.of(
                                AvailableSettings.DEFAULT_SCHEMA,
                                db.schema(),
                                AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS,
                                true))) {
            Map<String, Object> properties = new java.util.HashMap<>(naming);
            try (HikariDataSource pool = pool(db, 1)) {
                properties.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
                properties.put(AvailableSettings.HBM2DDL_AUTO, "none");
                properties.put(PgRlsSettings.REQUIRED, "true");
                try (SessionFactory strict =
                        db.entityManagerFactory(List.of(Invoice.class), properties)) {
                    assertThatThrownBy(
                                    () ->
                                            strict.inTransaction(
                                                    s ->
                                                            s.createSelectionQuery(
                                                                            "from Invoice",
                                                                            Invoice.class)
                                                                    .getResultList()))
                            .as(naming.toString())
                            .hasStackTraceContaining(
                                    "no row-level security setting is in effect for a statement on table invoice");
                    if (!naming.containsKey(AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS)) {
                        try (var scope = RlsContext.set("app.tenant_id", "2")) {
                            List<Long> ids =
                                    strict.fromTransaction(
                                            s ->
                                                    s.createSelectionQuery(
                                                                    "select i.id from Invoice i",
                                                                    Long.class)
                                                            .getResultList());
                            assertThat(ids).containsExactly(3L);
                        }
                    }
                }
            }
        }
    }

    @Test
    void providerSuppliesSettings(PgTestDatabase db) {
        try (HikariDataSource pool = pool(db, 1);
                SessionFactory withProvider =
                        db.entityManagerFactory(
                                List.of(Invoice.class),
                                Map.of(
                                        AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                        pool,
                                        AvailableSettings.HBM2DDL_AUTO,
                                        "none",
                                        PgRlsSettings.CONTEXT_PROVIDER,
                                        (dev.pgorm.rls.RlsContextProvider)
                                                () -> Map.of("app.tenant_id", "2")))) {
            long n =
                    withProvider.fromTransaction(
                            s ->
                                    s.createSelectionQuery(
                                                    "select count(*) from Invoice", Long.class)
                                            .getSingleResult());
            assertThat(n).isEqualTo(1);
            try (var scope = RlsContext.set("app.tenant_id", "1")) {
                long overridden =
                        withProvider.fromTransaction(
                                s ->
                                        s.createSelectionQuery(
                                                        "select count(*) from Invoice", Long.class)
                                                .getSingleResult());
                assertThat(overridden).isEqualTo(2);
            }
        }
    }

    @Test
    void privilegedTransactionSeesEveryTenantAndEndsWithIt(PgTestDatabase db) {
        db.execute(
                "do $$ begin if not exists (select from pg_roles where rolname = 'pgorm_it_bypass') then"
                        + " create role pgorm_it_bypass nologin bypassrls; end if; end $$",
                "grant pgorm_it_bypass to " + db.appRoleName(),
                "grant usage on schema " + db.schema() + " to pgorm_it_bypass",
                "grant select on invoice to pgorm_it_bypass");
        // tag::privileged[]
        long all =
                RlsContext.inPrivilegedTransaction(
                        app,
                        "pgorm_it_bypass",
                        em ->
                                em.createQuery("select count(*) from Invoice", Long.class)
                                        .getSingleResult());
        // end::privileged[]
        assertThat(all).isEqualTo(3);
        String role =
                app.fromTransaction(
                        s ->
                                s.createNativeQuery("select current_user", String.class)
                                        .getSingleResult());
        assertThat(role).isEqualTo(db.appRoleName());
        assertThat(count()).isZero();
    }

    @Test
    void deploymentCheckWarnsAboutRolesThatBypass(PgTestDatabase db) {
        assertThat(RlsDeploymentCheck.check(app)).isEmpty();
        SessionFactory asOwner =
                db.entityManagerFactory(
                        List.of(Invoice.class), Map.of(AvailableSettings.HBM2DDL_AUTO, "none"));
        assertThat(RlsDeploymentCheck.check(asOwner))
                .anySatisfy(w -> assertThat(w).contains("is a superuser"));
    }

    @Test
    void stressEightThreadsTwoConnectionsNoCrossTenantRows(PgTestDatabase db) throws Exception {
        try (HikariDataSource pool = pool(db, 2);
                SessionFactory sf =
                        db.entityManagerFactory(
                                List.of(Invoice.class),
                                Map.of(
                                        AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                        pool,
                                        AvailableSettings.HBM2DDL_AUTO,
                                        "none"))) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            AtomicLong wrong = new AtomicLong();
            AtomicLong transactions = new AtomicLong();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(
                        threads.submit(
                                () -> {
                                    for (int i = 0; i < 2_500; i++) {
                                        long tenant =
                                                (thread + i)
                                                        % 3; // 0 has no rows; every third has no
                                        // context
                                        Runnable read =
                                                () -> {
                                                    List<Long> tenants =
                                                            sf.fromTransaction(
                                                                    s ->
                                                                            s.createSelectionQuery(
                                                                                            "select i.tenantId from Invoice i",
                                                                                            Long
                                                                                                    .class)
                                                                                    .getResultList());
                                                    long expected =
                                                            tenant == 1 ? 2 : tenant == 2 ? 1 : 0;
                                                    if (tenants.size() != expected
                                                            || tenants.stream()
                                                                    .anyMatch(x -> x != tenant)) {
                                                        wrong.incrementAndGet();
                                                    }
                                                    transactions.incrementAndGet();
                                                };
                                        if (tenant == 0) {
                                            read.run();
                                        } else {
                                            RlsContext.runWith(
                                                    Map.of("app.tenant_id", Long.toString(tenant)),
                                                    read);
                                        }
                                    }
                                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            threads.shutdown();
            assertThat(transactions.get()).isEqualTo(20_000);
            assertThat(wrong.get()).isZero();
        }
    }
}
