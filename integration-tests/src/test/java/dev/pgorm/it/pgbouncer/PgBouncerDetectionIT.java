package dev.pgorm.it.pgbouncer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.core.PgAdvisoryLocks;
import dev.pgorm.core.PgOrmSettings;
import dev.pgorm.core.internal.PgBouncerProbe;
import dev.pgorm.notify.PgListener;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PG-ORM knowing it talks to PgBouncer ({@code pgorm.pgbouncer=true}, or the boot probe): a warning
 * without {@code prepareThreshold=0}, session advisory locks and listeners refused with what to do.
 */
@PgTest(isolation = PgTest.Isolation.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerDetectionIT {

    @Entity(name = "Probe")
    static class Probe {
        @Id Long id;
    }

    private final List<HikariDataSource> pools = new ArrayList<>();

    /** Each test needs PgBouncer: skipped by name where the run declared it absent. */
    @BeforeEach
    void needsPgBouncer(PgTestDatabase db) {
        db.scaleOut().pgBouncerUrl();
    }

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (!db.scaleOut().hasPgBouncer()) {
            return; // no fixture: each test then skips, by name, in needsPgBouncer
        }
        db.entityManagerFactory(Probe.class); // direct: creates the schema
    }

    @AfterAll
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private static SessionFactory factory(
            PgTestDatabase db, HikariDataSource pool, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
        return db.entityManagerFactory(List.of(Probe.class), settings);
    }

    @Test
    void sessionLocksAreRefusedWhenTheUrlIsDeclaredPgBouncer(PgTestDatabase db) {
        HikariDataSource bouncer =
                pool(db.scaleOut().pgBouncerUrl(), db.user(), db.scaleOut().pgBouncerPassword());
        // tag::declare[]
        Map<String, Object> settings = Map.of(PgOrmSettings.PGBOUNCER, true); // pgorm.pgbouncer
        // end::declare[]
        factory(db, bouncer, settings);
        assertThatThrownBy(() -> PgAdvisoryLocks.withSessionLock(bouncer, 77L, () -> "never"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withSessionLock needs a direct connection")
                .hasMessageContaining("pgorm.pgbouncer")
                .hasMessageContaining("xactLock");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_locks where locktype = 'advisory'",
                                        Long.class))
                .isZero();
    }

    @Test
    void bootWarnsWhenPgBouncerIsReachedWithoutPrepareThresholdZero(PgTestDatabase db) {
        String prepares =
                db.scaleOut().pgBouncerUrl().replace("prepareThreshold=0", "prepareThreshold=5");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler =
                new Handler() {
                    @Override
                    public void publish(LogRecord r) {
                        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                            warnings.add(r.getMessage());
                        }
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        Logger log = Logger.getLogger("dev.pgorm.core");
        log.addHandler(handler);
        try {
            factory(db, pool(prepares, db.user(), db.scaleOut().pgBouncerPassword()), Map.of());
        } finally {
            log.removeHandler(handler);
        }
        assertThat(warnings)
                .anySatisfy(
                        w ->
                                assertThat(w)
                                        .contains("is PgBouncer")
                                        .contains("add prepareThreshold=0"));
    }

    @Test
    void aListenerRefusesPgBouncerAndTheProbeTellsItFromTheServer(PgTestDatabase db) {
        // 127.0.0.1 rather than localhost: not declared by another test, so the probe decides.
        String bouncer = db.scaleOut().pgBouncerUrl().replace("localhost:6432", "127.0.0.1:6432");
        assertThat(
                        PgBouncerProbe.isPgBouncer(
                                bouncer, db.user(), db.scaleOut().pgBouncerPassword()))
                .isTrue();
        assertThat(PgBouncerProbe.isPgBouncer(db.jdbcUrl(), db.user(), db.password())).isFalse();
        PgListener listener =
                PgListener.builder(bouncer, db.user(), db.scaleOut().pgBouncerPassword())
                        .listen("bouncer", n -> {})
                        .build();
        assertThatThrownBy(listener::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PgListener needs a direct connection to PostgreSQL")
                .hasMessageContaining("PgListener.builder(url, user, password)");
        assertThat(listener.isConnected()).isFalse();
    }
}
