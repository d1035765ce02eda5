package dev.pgorm.it.spring.rls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.it.spring.SpringTestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security from Spring, as a role that is neither superuser nor BYPASSRLS (it owns the
 * tables, which FORCE row-level security): the Spring Security user and Hibernate's tenant become
 * settings, seen by repositories, by JdbcTemplate inside a JPA transaction and by {@code @Async}
 * work.
 */
@SpringBootTest(
        properties = {
            "spring.jpa.hibernate.ddl-auto=create-drop",
            // tag::properties[]
            "pgorm.rls.security.setting=app.user_name",
            "pgorm.rls.tenant-setting=app.tenant_id",
            "pgorm.bulk.copy-threshold=2",
            // end::properties[]
        })
@DirtiesContext
class RlsFromSpringIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SpringTestDatabase.registerAsAppRole(registry, "pgorm_spring_rls_it");
    }

    /** The tenant of the current thread, as a web filter would set it from a request. */
    static final ThreadLocal<String> TENANT = ThreadLocal.withInitial(() -> "none");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableAsync
    static class App {
        // tag::tenant-resolver[]
        @Bean
        CurrentTenantIdentifierResolver<String> tenantResolver() {
            return new CurrentTenantIdentifierResolver<>() {
                @Override
                public String resolveCurrentTenantIdentifier() {
                    return TENANT.get();
                }

                @Override
                public boolean validateExistingCurrentSessions() {
                    return false;
                }
            };
        }

        // end::tenant-resolver[]

        @Bean
        AsyncNotes asyncNotes(NoteRepository notes) {
            return new AsyncNotes(notes);
        }
    }

    @Autowired NoteRepository notes;
    @Autowired TenantDocRepository docs;
    @Autowired ItemRepository items;
    @Autowired AsyncNotes asyncNotes;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MeterRegistry meters;
    @PersistenceContext EntityManager em;

    @Autowired
    @Qualifier("pgormRlsHealthIndicator")
    HealthIndicator rlsHealth;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        TENANT.remove();
    }

    private static void signIn(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    @Test
    void aUserSeesOnlyHerRowsThroughRepositoriesJdbcTemplateAndAsyncMethods() throws Exception {
        signIn("bob");
        notes.save(new Note("bob", "b1"));
        signIn("alice");
        notes.save(new Note("alice", "a1"));
        notes.save(new Note("alice", "a2"));

        assertThat(notes.findAll()).extracting(n -> n.owner).containsOnly("alice").hasSize(2);
        Long inTransaction =
                tx.execute(
                        s -> jdbc.queryForObject("select count(*) from spring_note", Long.class));
        assertThat(inTransaction).isEqualTo(2);
        // outside a transaction JdbcTemplate takes a pool connection without any setting
        assertThat(jdbc.queryForObject("select count(*) from spring_note", Long.class)).isZero();
        assertThat(asyncNotes.count().get()).isEqualTo(2);

        signIn("bob");
        assertThat(notes.count()).isEqualTo(1);
        SecurityContextHolder.clearContext();
        assertThat(notes.count()).isZero();
    }

    @Test
    void theTenantResolverBeanAndTheTenantSettingReachHibernate() {
        TENANT.set("t1");
        docs.save(new TenantDoc("one"));
        TENANT.set("t2");
        docs.saveAll(List.of(new TenantDoc("two"), new TenantDoc("three")));

        TENANT.set("t1");
        assertThat(docs.findAll()).extracting(d -> d.tenant).containsExactly("t1");
        // a native count is not filtered by Hibernate: only the policy on app.tenant_id limits it
        Long counted =
                tx.execute(s -> jdbc.queryForObject("select count(*) from tenant_doc", Long.class));
        assertThat(counted).isEqualTo(1);
    }

    @Test
    void bulkInsertRunsThroughTheRepositoryFragment() {
        double rowsBefore = meters.get("pgorm.bulk.rows").counter().count();
        long callsBefore = meters.get("pgorm.bulk.insert").timer().count();
        long before = items.count();
        List<Item> batch = List.of(new Item("a"), new Item("b"), new Item("c"));
        assertThat(items.bulkInsert(batch)).isEqualTo(3);
        assertThat(batch).allSatisfy(i -> assertThat(i.id).isNotNull());
        assertThat(items.count()).isEqualTo(before + 3);
        assertThat(meters.get("pgorm.bulk.rows").counter().count()).isEqualTo(rowsBefore + 3);
        assertThat(meters.get("pgorm.bulk.insert").timer().count()).isEqualTo(callsBefore + 1);
    }

    @Test
    void directPgBulkCallsAreMeteredToo() {
        double rowsBefore = meters.get("pgorm.bulk.rows").counter().count();
        long callsBefore = meters.get("pgorm.bulk.insert").timer().count();
        long inserted = tx.execute(s -> PgBulk.insert(em, List.of(new Item("d"), new Item("e"))));
        assertThat(inserted).isEqualTo(2);
        assertThat(meters.get("pgorm.bulk.rows").counter().count()).isEqualTo(rowsBefore + 2);
        assertThat(meters.get("pgorm.bulk.insert").timer().count()).isEqualTo(callsBefore + 1);
    }

    @Test
    void rlsHealthIsUpForARoleThatRowLevelSecurityAppliesTo() {
        assertThat(rlsHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(rlsHealth.health().getDetails()).containsEntry("problems", List.of());
    }
}
