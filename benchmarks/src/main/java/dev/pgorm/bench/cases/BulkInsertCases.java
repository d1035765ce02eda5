package dev.pgorm.bench.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkSettings;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Issue: bulk insert. 200,000 entities with a jsonb column: {@code PgBulk.insert} against
 * Hibernate's {@code persist} (batch 50, ordered inserts, pooled sequence), the same with pgjdbc's
 * {@code reWriteBatchedInserts}, a hand-written binary COPY of the same rows through pgjdbc, and
 * {@code PgBulk.insert}'s binary COPY (the default) against its text COPY.
 */
public final class BulkInsertCases {

    static final int ROWS = Integer.getInteger("pgorm.bench.bulk.rows", 200_000);

    private BulkInsertCases() {}

    /** Returns the comparisons: four with targets, one reference. */
    public static List<BenchmarkCase> all() {
        return List.of(
                new Case(
                        "bulk insert vs persist",
                        "Hibernate persist, batch 50, order_inserts",
                        4.0,
                        false),
                new Case(
                        "bulk insert vs persist + reWriteBatchedInserts",
                        "same with reWriteBatchedInserts=true",
                        1.0,
                        true),
                new Case(
                        "bulk insert vs raw binary COPY",
                        "hand-written pgjdbc binary COPY",
                        1.0,
                        false),
                new Case(
                        "bulk insert vs raw binary COPY, entities built beforehand",
                        "hand-written pgjdbc binary COPY of the same entities",
                        1.0,
                        false),
                new Case(
                        "bulk insert binary vs text COPY",
                        "PgBulk.insert with pgorm.bulk.copy_format=text",
                        0,
                        false));
    }

    /** A pool whose connections rewrite batched INSERTs into multi-row ones. */
    static HikariDataSource rewritingDataSource(BenchEnv env) {
        HikariConfig config = new HikariConfig();
        String url = env.dataSource().getJdbcUrl();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
        config.setUsername(env.dataSource().getUsername());
        config.setPassword(env.dataSource().getPassword());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** The entity inserted. */
    @Entity(name = "BulkRow")
    @Table(name = "bulk_row")
    public static class BulkRow {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulk_row_seq")
        @SequenceGenerator(name = "bulk_row_seq", allocationSize = 50)
        Long id;

        String name;
        int quantity;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;
    }

    static BulkRow row(int i) {
        BulkRow r = new BulkRow();
        r.name = "row " + i;
        r.quantity = i % 1000;
        r.attrs = Map.of("i", i, "color", i % 2 == 0 ? "red" : "blue", "tags", List.of("a", "b"));
        return r;
    }

    static final class Case extends LabeledCase {
        private final boolean rewrite;
        private BenchEnv env;
        private SessionFactory plain;
        private SessionFactory batched;
        private SessionFactory text;

        /** For the case with entities built beforehand: this repetition's entities. */
        private List<BulkRow> built;

        private final ObjectMapper json = new ObjectMapper();

        Case(String name, String baseline, double target, boolean rewrite) {
            super(
                    name,
                    baseline,
                    name.contains("text COPY")
                            ? "PgBulk.insert (binary COPY)"
                            : "PgBulk.insert (COPY)",
                    target);
            this.rewrite = rewrite;
        }

        /**
         * For the comparison with hand-written COPY: how long building the entities alone takes,
         * measured here (median of 5), since PgBulk builds them before each COPY of 50,000.
         */
        @Override
        public String notes() {
            if (!name().contains("raw") || builtBeforehand()) {
                return "";
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                List<BulkRow> built =
                        IntStream.range(0, ROWS).mapToObj(BulkInsertCases::row).toList();
                times.add((System.nanoTime() - start) / 1e6);
                if (built.size() != ROWS) {
                    throw new IllegalStateException("built " + built.size() + " entities");
                }
            }
            times.sort(null);
            return String.format(
                    Locale.ROOT,
                    "building the %,d entities alone takes %.1f ms (median of 5): PgBulk.insert"
                            + " takes them from the stream 50,000 at a time before each COPY, since"
                            + " no code of the caller's may run while COPY holds the connection (a"
                            + " lazy load would wait for it forever), and the server waits"
                            + " meanwhile; the hand-written loop builds each row while the server"
                            + " works on the previous ones",
                    ROWS,
                    times.get(2));
        }

        @Override
        public void setUp(BenchEnv env) throws Exception {
            this.env = env;
            plain = env.sessionFactory(List.of(BulkRow.class), Map.of());
            if (name().contains("text COPY")) {
                text =
                        env.sessionFactory(
                                List.of(BulkRow.class),
                                Map.of(
                                        PgBulkSettings.COPY_FORMAT,
                                        "text",
                                        "hibernate.hbm2ddl.auto",
                                        "none"));
            } else if (!name().contains("raw")) {
                Map<String, Object> batching =
                        new HashMap<>(
                                Map.of(
                                        "hibernate.jdbc.batch_size",
                                        50,
                                        "hibernate.order_inserts",
                                        true,
                                        "hibernate.hbm2ddl.auto",
                                        "none"));
                if (rewrite) {
                    batching.put("jakarta.persistence.nonJtaDataSource", rewritingDataSource(env));
                }
                batched = env.sessionFactory(List.of(BulkRow.class), batching);
            }
        }

        @Override
        public void beforeEach() throws Exception {
            env.execute("truncate bulk_row");
            if (builtBeforehand()) {
                // not timed: the same entities for both sides, new again (PgBulk gives them ids)
                built = IntStream.range(0, ROWS).mapToObj(BulkInsertCases::row).toList();
            }
        }

        private boolean builtBeforehand() {
            return name().contains("built beforehand");
        }

        @Override
        public void runBaseline() throws Exception {
            if (text != null) {
                insert(text);
            } else if (batched != null) {
                batched.inTransaction(
                        s -> {
                            for (int i = 0; i < ROWS; i++) {
                                s.persist(row(i));
                                if (i % 50 == 49) {
                                    s.flush();
                                    s.clear();
                                }
                            }
                        });
            } else {
                rawCopy();
            }
        }

        @Override
        public void runOurs() {
            if (builtBeforehand()) {
                long n = plain.fromTransaction(em -> PgBulk.insert(em, built));
                if (n != ROWS) {
                    throw new IllegalStateException("PgBulk inserted " + n + " rows, not " + ROWS);
                }
                return;
            }
            insert(plain);
        }

        private static void insert(SessionFactory sf) {
            long n =
                    sf.fromTransaction(
                            em ->
                                    PgBulk.insert(
                                            em,
                                            IntStream.range(0, ROWS)
                                                    .mapToObj(BulkInsertCases::row)));
            if (n != ROWS) {
                throw new IllegalStateException("PgBulk inserted " + n + " rows, not " + ROWS);
            }
        }

        /** Binary COPY written by hand: what a developer would write without an ORM. */
        private void rawCopy() throws Exception {
            try (Connection c = env.dataSource().getConnection()) {
                c.setAutoCommit(false);
                long firstId;
                try (var st = c.createStatement();
                        var rs = st.executeQuery("select nextval('bulk_row_seq')")) {
                    rs.next();
                    firstId = rs.getLong(1) * 1_000_000L;
                }
                long n =
                        HandWrittenCopy.binaryCopy(
                                c,
                                "bulk_row",
                                i -> firstId + i,
                                json,
                                builtBeforehand() ? built : null);
                c.commit();
                if (n != ROWS) {
                    throw new IllegalStateException("raw COPY inserted " + n + " rows");
                }
            }
        }
    }
}
