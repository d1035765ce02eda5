package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.core.PgAdvisoryLocks;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Advisory locks: contention between transactions, timeouts, and session locks that never leak. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvisoryLocksIT {

    @Entity(name = "Job")
    static class Job {
        @Id Long id;
    }

    private SessionFactory sf;
    private HikariDataSource onePool;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Job.class);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        onePool = new HikariDataSource(config);
    }

    @AfterAll
    void tearDown() {
        onePool.close();
        executor.shutdownNow();
    }

    /** Holds the lock in another transaction until released. */
    private Future<?> holdLock(long key, CountDownLatch held, CountDownLatch release) {
        return executor.submit(
                () ->
                        sf.inTransaction(
                                em -> {
                                    PgAdvisoryLocks.xactLock(em, key);
                                    held.countDown();
                                    try {
                                        release.await(10, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                }));
    }

    @Test
    void secondTransactionFailsFastOrWaits() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdLock(42L, held, release);
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();

        // tag::try-lock[]
        boolean got = sf.fromTransaction(em -> PgAdvisoryLocks.tryXactLock(em, 42L));
        // end::try-lock[]
        assertThat(got).isFalse();
        long start = System.nanoTime();
        boolean timedOut =
                sf.fromTransaction(
                        em -> {
                            boolean result =
                                    PgAdvisoryLocks.tryXactLock(em, 42L, Duration.ofMillis(200));
                            // The transaction is still usable after giving up.
                            em.createNativeQuery("select 1", Integer.class).getSingleResult();
                            return result;
                        });
        assertThat(timedOut).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(190));

        Future<Boolean> waiter =
                executor.submit(
                        () ->
                                sf.fromTransaction(
                                        em ->
                                                PgAdvisoryLocks.tryXactLock(
                                                        em, 42L, Duration.ofSeconds(5))));
        Thread.sleep(100);
        assertThat(waiter.isDone()).isFalse();
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void namedLocksAndHqlFunctions() {
        boolean first =
                sf.fromTransaction(
                        em -> {
                            PgAdvisoryLocks.xactLock(em, "nightly-report");
                            Boolean again =
                                    em
                                            .unwrap(org.hibernate.Session.class)
                                            .createSelectionQuery(
                                                    "select pg_try_advisory_xact_lock(7) from Job j",
                                                    Boolean.class)
                                            .setMaxResults(1)
                                            .getResultList()
                                            .stream()
                                            .findFirst()
                                            .orElse(true);
                            return PgAdvisoryLocks.tryXactLock(em, "nightly-report") && again;
                        });
        assertThat(first).isTrue();
        assertThatThrownBy(() -> PgAdvisoryLocks.xactLock(sf.createEntityManager(), 1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an active transaction");
    }

    private static long advisoryLocksHeldByNextBorrower(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void sessionLockNeverLeaksToTheNextBorrower() throws Exception {
        // tag::session-lock[]
        String result =
                PgAdvisoryLocks.withSessionLock(onePool, 99L, () -> "work done under the lock");
        // end::session-lock[]
        assertThat(result).isEqualTo("work done under the lock");
        assertThat(advisoryLocksHeldByNextBorrower(onePool)).isZero();

        assertThatThrownBy(
                        () ->
                                PgAdvisoryLocks.withSessionLock(
                                        onePool,
                                        99L,
                                        () -> {
                                            throw new IllegalStateException("job failed");
                                        }))
                .hasMessage("job failed");
        assertThat(advisoryLocksHeldByNextBorrower(onePool)).isZero();

        // While one holder has it, tryWithSessionLock skips the work.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdLock(99L, held, release);
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
        Optional<String> skipped =
                PgAdvisoryLocks.tryWithSessionLock(onePool, 99L, () -> "should not run");
        assertThat(skipped).isEmpty();
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(PgAdvisoryLocks.tryWithSessionLock(onePool, 99L, () -> "ran")).contains("ran");
        assertThat(advisoryLocksHeldByNextBorrower(onePool)).isZero();
    }
}
