package dev.pgorm.it.rls;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.TenantId;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Hibernate's @TenantId, enforced in the database by a generated policy and the tenant setting. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIdIT {

    // tag::tenant[]
    @Entity(name = "Ticket")
    @Table(name = "ticket")
    @RowLevelSecurity // with @TenantId: policy tenant_isolation on tenant = pgorm.tenant_id
    static class Ticket {
        @Id @GeneratedValue Long id;
        @TenantId String tenant;
        String subject;
    }

    /** The application's resolver, here a thread-local; Hibernate and PG-ORM both ask it. */
    public static class CurrentTenant implements CurrentTenantIdentifierResolver<String> {
        static final ThreadLocal<String> TENANT = new ThreadLocal<>();

        @Override
        public String resolveCurrentTenantIdentifier() {
            return TENANT.get() == null ? "none" : TENANT.get();
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return false;
        }
    }

    // end::tenant[]

    private HikariDataSource pool;
    private SessionFactory app;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        db.entityManagerFactory(
                List.of(Ticket.class),
                Map.of(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new CurrentTenant()));
        pool = RlsContextIT.pool(db, 1);
        app =
                db.entityManagerFactory(
                        List.of(Ticket.class),
                        Map.of(
                                AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                pool,
                                AvailableSettings.HBM2DDL_AUTO,
                                "none",
                                AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
                                CurrentTenant.class.getName()));
    }

    @AfterAll
    void tearDown() {
        app.close();
        pool.close();
        CurrentTenant.TENANT.remove();
    }

    private void as(String tenant, Runnable work) {
        CurrentTenant.TENANT.set(tenant);
        try {
            work.run();
        } finally {
            CurrentTenant.TENANT.remove();
        }
    }

    @Test
    void generatedPolicyReadsTheTenantSetting(PgTestDatabase db) {
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select qual from pg_policies where tablename = 'ticket' and policyname = 'tenant_isolation'"
                                                + " and schemaname = current_schema()",
                                        String.class))
                .contains("current_setting('pgorm.tenant_id'::text, true)");
    }

    @Test
    void tenantsAreIsolatedByTheDatabaseEvenForNativeSql() {
        as(
                "acme",
                () ->
                        app.inTransaction(
                                s -> {
                                    Ticket t = new Ticket();
                                    t.subject = "printer on fire";
                                    s.persist(t);
                                }));
        as(
                "globex",
                () ->
                        app.inTransaction(
                                s -> {
                                    Ticket t = new Ticket();
                                    t.subject = "coffee machine";
                                    s.persist(t);
                                }));
        as(
                "acme",
                () -> {
                    List<String> subjects =
                            app.fromTransaction(
                                    s ->
                                            s.createNativeQuery(
                                                            "select subject from ticket",
                                                            String.class)
                                                    .getResultList());
                    assertThat(subjects).containsExactly("printer on fire");
                });
        as(
                "globex",
                () -> {
                    Long n =
                            app.fromTransaction(
                                    s ->
                                            ((Number)
                                                            s.createNativeQuery(
                                                                            "select count(*) from ticket",
                                                                            Long.class)
                                                                    .getSingleResult())
                                                    .longValue());
                    assertThat(n).isEqualTo(1L);
                });
        as(
                "initech",
                () -> {
                    Long n =
                            app.fromTransaction(
                                    s ->
                                            ((Number)
                                                            s.createNativeQuery(
                                                                            "select count(*) from ticket",
                                                                            Long.class)
                                                                    .getSingleResult())
                                                    .longValue());
                    assertThat(n).isZero();
                });
    }
}
