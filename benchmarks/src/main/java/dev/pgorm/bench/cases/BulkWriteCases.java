package dev.pgorm.bench.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkResult;
import dev.pgorm.bulk.PgConflict;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Issue 19: 200,000-row upsert (half new, half existing) and update by id. {@code PgBulk.upsert}
 * against a loop of {@code merge} with batching (batch 50, ordered inserts and updates) and against
 * a hand-written pgjdbc {@code INSERT ... ON CONFLICT (id) DO UPDATE} batch with {@code
 * reWriteBatchedInserts}; {@code PgBulk.update} of detached entities against Hibernate's batched
 * updates of loaded entities (load a page, modify, flush, clear), and, for reference, against the
 * same temporary table, binary COPY and {@code UPDATE ... FROM} written by hand: the server's own
 * cost of updating the rows bounds what any bulk update can gain over Hibernate.
 */
public final class BulkWriteCases {

    static final int ROWS = BulkInsertCases.ROWS;

    /** Existing rows: ids 1 to ROWS (update) or 1 to ROWS / 2 (upsert). */
    private static final String FILL =
            """
            insert into write_row (id, name, quantity, attrs)
            select i, 'old ' || i, 0, '{"old": true}'::jsonb from generate_series(1, %d) i""";

    private BulkWriteCases() {}

    /** Returns the comparisons: three with targets, one reference. */
    public static List<BenchmarkCase> all() {
        return List.of(
                new Case(
                        "bulk upsert vs merge loop",
                        "Hibernate merge loop, batch 50, order_inserts/updates",
                        "PgBulk.upsert (COPY + ON CONFLICT)",
                        5.0,
                        Kind.MERGE),
                new Case(
                        "bulk upsert vs INSERT ON CONFLICT batch",
                        "hand-written pgjdbc INSERT ... ON CONFLICT batch, reWriteBatchedInserts",
                        "PgBulk.upsert (COPY + ON CONFLICT)",
                        1.0,
                        Kind.ON_CONFLICT),
                new Case(
                        "bulk update vs batched updates",
                        "Hibernate load + modify + flush, pages of 1000, batch 50, order_updates",
                        "PgBulk.update of detached entities (COPY + UPDATE FROM)",
                        4.0,
                        Kind.UPDATE),
                new Case(
                        "bulk update vs hand-written COPY + UPDATE FROM",
                        "hand-written pgjdbc: temporary table, binary COPY, one UPDATE ... FROM",
                        "PgBulk.update of detached entities (COPY + UPDATE FROM)",
                        0,
                        Kind.HAND_UPDATE));
    }

    enum Kind {
        MERGE,
        ON_CONFLICT,
        UPDATE,
        HAND_UPDATE
    }

    /** The entity upserted and updated. */
    @Entity(name = "WriteRow")
    @Table(name = "write_row")
    public static class WriteRow {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "write_row_seq")
        @SequenceGenerator(name = "write_row_seq", allocationSize = 50)
        Long id;

        String name;
        int quantity;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;
    }

    static Map<String, Object> attrs(int i) {
        return Map.of("i", i, "color", i % 2 == 0 ? "red" : "blue", "tags", List.of("a", "b"));
    }

    /**
     * Row i of the upsert: the first half existing (ids 1 to ROWS / 2), the second half new (no id,
     * generated); of the update: ids 1 to ROWS.
     */
    static WriteRow row(int i, boolean upsert) {
        WriteRow r = new WriteRow();
        r.id = !upsert || i < ROWS / 2 ? Long.valueOf(i + 1) : null;
        r.name = "row " + i;
        r.quantity = i % 1000;
        r.attrs = attrs(i);
        return r;
    }

    static final class Case extends LabeledCase {
        private final Kind kind;
        private final ObjectMapper json = new ObjectMapper();
        private BenchEnv env;
        private SessionFactory plain;
        private SessionFactory batched;

        /** The hand-written UPDATE statement's own times, in ms (warm-ups included). */
        private final List<Double> updateAlone = new ArrayList<>();

        Case(String name, String baseline, String ours, double target, Kind kind) {
            super(name, baseline, ours, target);
            this.kind = kind;
        }

        @Override
        public int repetitions() {
            // the merge loop takes tens of seconds a run: fewer, longer runs
            return kind == Kind.MERGE ? 3 : 5;
        }

        @Override
        public void setUp(BenchEnv env) throws Exception {
            this.env = env;
            plain = env.sessionFactory(List.of(WriteRow.class), Map.of());
            batched =
                    env.sessionFactory(
                            List.of(WriteRow.class),
                            Map.of(
                                    "hibernate.jdbc.batch_size",
                                    50,
                                    "hibernate.order_inserts",
                                    true,
                                    "hibernate.order_updates",
                                    true,
                                    "hibernate.hbm2ddl.auto",
                                    "none"));
            // generated ids start above every existing one
            env.execute("select setval('write_row_seq', 100000000)");
        }

        @Override
        public void beforeEach() throws Exception {
            env.execute(
                    "truncate write_row",
                    FILL.formatted(updates() ? ROWS : ROWS / 2),
                    "vacuum analyze write_row");
        }

        @Override
        public void runBaseline() throws Exception {
            switch (kind) {
                case MERGE -> BulkWriteBaselines.mergeLoop(batched);
                case ON_CONFLICT -> BulkWriteBaselines.onConflictBatch(env, json);
                case UPDATE -> BulkWriteBaselines.batchedUpdates(batched);
                case HAND_UPDATE ->
                        updateAlone.add(BulkWriteBaselines.handWrittenUpdate(env, json));
            }
        }

        @Override
        public void runOurs() {
            if (updates()) {
                long n =
                        plain.fromTransaction(
                                em ->
                                        PgBulk.update(
                                                em,
                                                IntStream.range(0, ROWS)
                                                        .mapToObj(i -> row(i, false))));
                check("PgBulk.update", n, ROWS);
                return;
            }
            PgBulkResult r =
                    plain.fromTransaction(
                            em ->
                                    PgBulk.upsert(
                                            em,
                                            IntStream.range(0, ROWS).mapToObj(i -> row(i, true)),
                                            PgConflict.onId().doUpdate()));
            check("PgBulk.upsert inserted", r.inserted(), ROWS / 2);
            check("PgBulk.upsert updated", r.updated(), ROWS / 2);
        }

        @Override
        public String notes() {
            if (kind != Kind.HAND_UPDATE || updateAlone.isEmpty()) {
                return "";
            }
            List<Double> sorted = updateAlone.stream().sorted().toList();
            return String.format(
                    Locale.ROOT,
                    "of the hand-written side, the UPDATE ... FROM statement alone took %.1f ms"
                            + " (median of every run, warm-ups included; %.1f-%.1f): the server's cost of rewriting %,d rows and"
                            + " their index entries, which every way of updating them pays; the"
                            + " update target against Hibernate (4x) cannot be reached when"
                            + " Hibernate's batched updates take less than 4 times this",
                    sorted.get(sorted.size() / 2),
                    sorted.get(0),
                    sorted.get(sorted.size() - 1),
                    ROWS);
        }

        private boolean updates() {
            return kind == Kind.UPDATE || kind == Kind.HAND_UPDATE;
        }

        static void check(String what, long actual, long expected) {
            if (actual != expected) {
                throw new IllegalStateException(what + " " + actual + " rows, not " + expected);
            }
        }
    }
}
