package dev.pgorm.bench.cases;

import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.rls.RlsContext;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * Issue: row-level security. Single-row read transactions with and without an RLS context of two
 * settings: the settings travel in the first statement's round trip, so the cost must stay small.
 * The reference row measures the straightforward way, a {@code set_config} statement of its own at
 * the start of each transaction, so the table shows what the combined statement buys.
 */
public final class RlsContextCase implements BenchmarkCase {

    /**
     * Transactions per repetition, and repetitions: at 7 repetitions of 5,000 the median moved
     * between 0.87 and 0.97 from run to run on a busy machine, and 7 of 20,000 did no better (load
     * drifts within a long repetition). Many short repetitions, interleaved, see the same load on
     * both sides.
     */
    static final int TRANSACTIONS = 2_000;

    static final int REPETITIONS = 41;

    private static final Map<String, String> SETTINGS =
            Map.of("app.tenant_id", "3", "app.user_id", "17");

    private final boolean separateStatement;

    private RlsContextCase(boolean separateStatement) {
        this.separateStatement = separateStatement;
    }

    /** Returns the target case and the reference case. */
    public static List<BenchmarkCase> all() {
        return List.of(new RlsContextCase(false), new RlsContextCase(true));
    }

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
        return separateStatement
                ? "RLS settings as a separate set_config statement (reference)"
                : "RLS context per transaction";
    }

    @Override
    public String baseline() {
        return "read transaction, no context";
    }

    @Override
    public String ours() {
        return separateStatement
                ? "same, a set_config(?, ?, true) statement first in each transaction (2 settings)"
                : "same with RlsContext (2 settings)";
    }

    @Override
    public int repetitions() {
        return REPETITIONS;
    }

    @Override
    public String notes() {
        return REPETITIONS
                + " repetitions of "
                + TRANSACTIONS
                + " single-row read transactions each, interleaved (more, shorter repetitions keep"
                + " the median steady on a busy machine)";
    }

    @Override
    public double target() {
        return separateStatement ? 0 : 0.9;
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

    /** What an application writes without PG-ORM: one more round trip per transaction. */
    private void readWithSetConfig() {
        for (int i = 0; i < TRANSACTIONS; i++) {
            long id = 1 + (i * 7919L) % 10_000;
            sf.inTransaction(
                    s -> {
                        s.doWork(
                                c -> {
                                    try (PreparedStatement ps =
                                            c.prepareStatement(
                                                    "select set_config('app.tenant_id', ?, true),"
                                                            + " set_config('app.user_id', ?, true)")) {
                                        ps.setString(1, SETTINGS.get("app.tenant_id"));
                                        ps.setString(2, SETTINGS.get("app.user_id"));
                                        ps.executeQuery().close();
                                    }
                                });
                        s.find(BenchAccount.class, id);
                    });
        }
    }

    @Override
    public void runBaseline() {
        read();
    }

    @Override
    public void runOurs() {
        if (separateStatement) {
            readWithSetConfig();
        } else {
            RlsContext.runWith(SETTINGS, this::read);
        }
    }
}
