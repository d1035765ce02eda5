package dev.pgorm.it.spring.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.it.spring.SpringTestDatabase;
import dev.pgorm.it.spring.replicas.NoteService.Sighting;
import dev.pgorm.it.spring.replicas.NoteService.TenantSighting;
import dev.pgorm.replicas.PgReplicas;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code @Transactional(readOnly = true)} reads on the streaming replica of scripts/scale-out-db.sh
 * when hibernate-pg-replicas is on the class path, every other transaction on the primary; a write
 * in a read-only transaction stops in Hibernate; and a read-only transaction after a write on the
 * same thread sees the write on the replica (slowed down by {@code recovery_min_apply_delay = 2s}
 * for that test), where one without the token does not.
 */
@SpringBootTest(
        properties = {
            "spring.jpa.hibernate.ddl-auto=create-drop",
            // tag::properties[]
            "spring.jpa.properties.hibernate.connection.provider_class="
                    + "dev.pgorm.replicas.PgReplicasConnectionProvider",
            // spring.jpa.properties.pgorm.replicas.urls=jdbc:postgresql://replica:5432/app
            // end::properties[]
            "spring.jpa.properties.pgorm.replicas.check_interval=200ms",
            "spring.jpa.properties.pgorm.replicas.wait_timeout=10s"
        })
@DirtiesContext
class ReadOnlyTransactionsOnReplicaIT {

    private static final String DATABASE = "pgorm_spring_replicas_it";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SpringTestDatabase.register(registry, DATABASE);
        if (SpringTestDatabase.hasReplica()) { // else each test skips or fails in needsReplica
            String replica = SpringTestDatabase.replicaUrl(DATABASE);
            registry.add("spring.jpa.properties.pgorm.replicas.urls", () -> replica);
        }
    }

    /** Each test needs the replica: skipped by name where the run declared it absent. */
    @BeforeEach
    void needsReplica() {
        SpringTestDatabase.replicaUrl(DATABASE);
    }

    private static volatile boolean delayed;

    @AfterAll
    static void resetDelay() throws SQLException {
        if (delayed) {
            onReplica("alter system reset recovery_min_apply_delay", "select pg_reload_conf()");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        NoteService noteService() {
            return new NoteService();
        }

        /** Enables the tenant filter as Spring documents: the factory bean's initializer. */
        @Bean
        static BeanPostProcessor tenantFilter() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof LocalContainerEntityManagerFactoryBean factory) {
                        factory.setEntityManagerInitializer(
                                em ->
                                        em.unwrap(Session.class)
                                                .enableFilter("tenant")
                                                .setParameter("tenant", "a"));
                    }
                    return bean;
                }
            };
        }
    }

    @Autowired NoteService notes;

    @Test
    void readOnlyTransactionsRunOnTheReplicaAndOthersOnThePrimary() {
        assertThat(notes.readOnlyRunsOnReplica()).isTrue();
        assertThat(notes.readWriteRunsOnReplica()).isFalse();
        assertThat(notes.nestedReadOnlyRunsOnReplica(notes)).isFalse();
    }

    @Test
    void aWriteInAReadOnlyTransactionStopsInHibernate() {
        assertThatThrownBy(() -> notes.writeInReadOnlyTransaction(100L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
        assertThat(notes.findInReadWriteTransaction(100L)).isEqualTo(new Sighting(false, false));
    }

    @Test
    void aReadOnlyTransactionAfterAWriteSeesItOnTheReplica() throws Exception {
        // The table and a first row reach the replica before the delay starts.
        notes.write(1L, "before the delay");
        assertThat(notes.find(1L)).isEqualTo(new Sighting(true, true));
        delayed = true;
        onReplica("alter system set recovery_min_apply_delay = '2s'", "select pg_reload_conf()");
        for (int i = 0; i < 100 && !"2s".equals(replicaDelay()); i++) {
            Thread.sleep(20);
        }
        assertThat(replicaDelay()).isEqualTo("2s");

        notes.write(2L, "without the token");
        assertThat(PgReplicas.token()).matches("[0-9A-F]+/[0-9A-F]+");
        // A fresh thread, as another request would be: it holds no token (withToken(null, ...)
        // keeps the thread's own).
        Sighting withoutToken =
                CompletableFuture.supplyAsync(() -> notes.find(2L), r -> new Thread(r).start())
                        .get(10, TimeUnit.SECONDS);
        assertThat(withoutToken)
                .as("a replica 2 s behind, read without the token")
                .isEqualTo(new Sighting(true, false));

        notes.write(3L, "just written");
        assertThat(notes.find(3L))
                .as("the thread's token: the read waits for the replica to replay the write")
                .isEqualTo(new Sighting(true, true));
    }

    @Test
    void aReadOnlyTransactionOnTheReplicaKeepsTheFactorysEntityManagerInitializer() {
        notes.writeTenantNote(10L, "a");
        notes.writeTenantNote(11L, "b");
        notes.writeTenantNote(12L, "b");
        assertThat(notes.countTenantNotes())
                .as("the tenant filter enabled by the factory bean's initializer")
                .isEqualTo(new TenantSighting(true, 1L));
    }

    private static void onReplica(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(SpringTestDatabase.replicaUrl(DATABASE));
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String replicaDelay() throws SQLException {
        try (Connection c = DriverManager.getConnection(SpringTestDatabase.replicaUrl(DATABASE));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show recovery_min_apply_delay")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
