package dev.pgorm.bench.cases;

import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.rls.RlsContext;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * Issue: row-level security. Single-row read transactions with and without an RLS context of two
 * settings: the settings travel in the first statement's round trip, so the cost must stay small.
 */
public final class RlsContextCase implements BenchmarkCase {

    static final int TRANSACTIONS = 5_000;

    /** A plain table, so both sides read the same row; only the context differs. */
    @Entity(name = "BenchAccount")
    @Table(name = "bench_account")
    public static class BenchAccount {
        @Id Long id;
        long tenantId;
        long balance;
    }

    private SessionFactory sf;

    @Override
    public String name() {
        return "RLS context per transaction";
    }

    @Override
    public String baseline() {
        return "read transaction, no context";
    }

    @Override
    public String ours() {
        return "same with RlsContext (2 settings)";
    }

    @Override
    public double target() {
        return 0.9;
    }

    @Override
    public void setUp(BenchEnv env) throws Exception {
        sf = env.sessionFactory(List.of(BenchAccount.class), Map.of());
        env.execute(
                "insert into bench_account (id, tenantId, balance) select g, g % 10, g from generate_series(1, 10000) g",
                "analyze bench_account");
        // The measured side must really carry the settings.
        String seen =
                RlsContext.callWith(
                        Map.of("app.tenant_id", "3"),
                        () ->
                                sf.fromTransaction(
                                        s ->
                                                s.createNativeQuery(
                                                                "select current_setting('app.tenant_id', true)",
                                                                String.class)
                                                        .getSingleResult()));
        if (!"3".equals(seen)) {
            throw new IllegalStateException(
                    "the RLS context did not reach the transaction: " + seen);
        }
    }

    private void read() {
        for (int i = 0; i < TRANSACTIONS; i++) {
            long id = 1 + (i * 7919L) % 10_000;
            sf.inTransaction(s -> s.find(BenchAccount.class, id));
        }
    }

    @Override
    public void runBaseline() {
        read();
    }

    @Override
    public void runOurs() {
        RlsContext.runWith(Map.of("app.tenant_id", "3", "app.user_id", "17"), this::read);
    }
}
