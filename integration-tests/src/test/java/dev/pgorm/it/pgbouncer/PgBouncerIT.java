package dev.pgorm.it.pgbouncer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.core.PgAdvisoryLocks;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.notify.PgListener;
import dev.pgorm.notify.PgNotify;
import dev.pgorm.rls.RlsContext;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgTypesSettings;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What works through PgBouncer 1.18 in transaction mode (scripts/scale-out-db.sh, port 6432), with
 * {@code prepareThreshold=0}: the RLS context, PgBulk's COPY, transaction advisory locks, binary
 * vectors and PgNotify.publish. Each server connection serves many clients in turn, so only what
 * lives inside one transaction works; these features are built that way.
 */
@PgTest(isolation = PgTest.Isolation.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerIT {

    @Entity(name = "Memo")
    @Table(name = "memo")
    @RowLevelSecurity
    @Policy(name = "tenant_isolation", column = "tenantId", setting = "app.tenant_id")
    public static class Memo {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        long tenantId;
        String text;
    }

    @Entity(name = "Item")
    @Table(name = "item")
    public static class Item {
        @Id Long id;
        String name;
    }

    @Entity(name = "Doc")
    @Table(name = "doc")
    public static class Doc {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 4)
        float[] embedding;
    }

    private static final float[] V = {0.25f, -1.5f, 3.0e-5f, 1234.5677f};

    private final List<HikariDataSource> pools = new ArrayList<>();
    private SessionFactory owner;
    private SessionFactory app;

    /** Each test needs PgBouncer: skipped by name where the run declared it absent. */
    @BeforeEach
    void needsPgBouncer(PgTestDatabase db) {
        db.scaleOut().pgBouncerUrl();
        db.requireExtension("vector");
    }

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (!db.scaleOut().hasPgBouncer() || !db.hasExtensions("vector")) {
            return; // no fixture: each test then skips, by name, in needsPgBouncer
        }
        db.requireExtension("vector");
        db.entityManagerFactory(Memo.class, Item.class, Doc.class); // direct: creates the schema
        String url = db.scaleOut().pgBouncerUrl();
        owner =
                factory(
                        db,
                        pool(url, db.user(), db.scaleOut().pgBouncerPassword()),
                        Map.of(
                                PgTypesSettings.VECTOR_BINARY,
                                true,
                                PgBulkSettings.COPY_THRESHOLD,
                                1));
        app = factory(db, pool(url, db.appRoleName(), db.appRoleName()), Map.of());
    }

    private HikariDataSource pool(String url, String user, String password) {
        // tag::pool[]
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url); // jdbc:postgresql://pgbouncer:6432/app?prepareThreshold=0
        // end::pool[]
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private static SessionFactory factory(
            PgTestDatabase db, HikariDataSource pool, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
        return db.entityManagerFactory(List.of(Memo.class, Item.class, Doc.class), settings);
    }

    @AfterAll
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void theRlsContextHoldsInEveryTransaction(PgTestDatabase db) {
        for (long tenant = 1; tenant <= 3; tenant++) {
            try (var scope = RlsContext.set("app.tenant_id", Long.toString(tenant))) {
                for (int i = 0; i < 5; i++) {
                    long t = tenant;
                    app.inTransaction(
                            em -> {
                                Memo m = new Memo();
                                m.tenantId = t;
                                m.text = "memo";
                                em.persist(m);
                            });
                }
            }
        }
        // Twelve transactions in a row, tenants interleaved, each on whichever server connection
        // PgBouncer hands out: each sees its own tenant's rows only.
        for (int round = 0; round < 4; round++) {
            for (long tenant = 1; tenant <= 3; tenant++) {
                try (var scope = RlsContext.set("app.tenant_id", Long.toString(tenant))) {
                    List<Long> tenants =
                            app.fromTransaction(
                                    em ->
                                            em.createSelectionQuery(
                                                            "select tenantId from Memo", Long.class)
                                                    .getResultList());
                    assertThat(tenants).hasSize(5).containsOnly(tenant);
                }
            }
        }
        assertThat(db.asAppRole().queryValue("select count(*) from memo", Long.class))
                .as("no tenant outside a context")
                .isZero();
    }

    @Test
    void pgBulkCopiesThroughPgBouncer(PgTestDatabase db) {
        List<Item> items =
                LongStream.rangeClosed(1, 1000)
                        .mapToObj(
                                i -> {
                                    Item it = new Item();
                                    it.id = i;
                                    it.name = "item " + i;
                                    return it;
                                })
                        .toList();
        long n = owner.fromTransaction(em -> PgBulk.insert(em, items));
        assertThat(n).isEqualTo(1000);
        assertThat(db.sql().queryValue("select count(*) from item", Long.class)).isEqualTo(1000L);
        assertThat(db.sql().queryValue("select name from item where id = 500", String.class))
                .isEqualTo("item 500");
    }

    @Test
    void transactionAdvisoryLocksAreHeldUntilCommit(PgTestDatabase db) {
        owner.inTransaction(
                em -> {
                    PgAdvisoryLocks.xactLock(em, 4242L);
                    assertThat(
                                    db.sql()
                                            .queryValue(
                                                    "select pg_try_advisory_xact_lock(4242)",
                                                    Boolean.class))
                            .as("held by the transaction through PgBouncer")
                            .isFalse();
                });
        assertThat(db.sql().queryValue("select pg_try_advisory_xact_lock(4242)", Boolean.class))
                .as("released at commit")
                .isTrue();
    }

    @Test
    void binaryVectorsRoundTrip() {
        owner.inTransaction(
                em -> {
                    Doc d = new Doc();
                    d.id = 1L;
                    d.embedding = V.clone();
                    em.persist(d);
                });
        float[] read = owner.fromTransaction(em -> em.find(Doc.class, 1L).embedding);
        assertThat(read).containsExactly(V);
    }

    @Test
    void publishedNotificationsReachADirectListener(PgTestDatabase db) throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        // The listener connects to PostgreSQL itself: LISTEN needs a session of its own.
        try (PgListener listener =
                PgListener.builder(db.jdbcUrl(), db.user(), db.password())
                        .listen("bouncer", n -> got.add(n.payload()))
                        .build()
                        .start()) {
            owner.inTransaction(em -> PgNotify.publish(em, "bouncer", "through PgBouncer"));
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("through PgBouncer");
            assertThat(listener.isConnected()).isTrue();
        }
    }
}
