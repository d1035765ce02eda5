package dev.pgorm.bench.cases;

import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.types.PgRange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * Issue: functions. Each indexed operator as PG-ORM renders it in HQL, against the equivalent
 * PostgreSQL function form, which no index can serve, on the same 200,000 rows.
 */
public final class OperatorVsFunctionCases {

    static final int ROWS = Integer.getInteger("pgorm.bench.operator.rows", 200_000);
    static final int QUERIES = 10;

    private static SessionFactory sf;

    private OperatorVsFunctionCases() {}

    /** Returns the cases. */
    public static List<BenchmarkCase> all() {
        return List.of(
                new Case(
                        "jsonb @> (GIN jsonb_path_ops)",
                        "jsonb_contains(attrs, ?) function",
                        "HQL jsonb_contains -> attrs @> ?",
                        "select count(*) from bench_doc where jsonb_contains(attrs, cast(? as jsonb))",
                        "select count(*) from BenchDoc d where jsonb_contains(d.attrs, :p)",
                        i -> "{\"tag\": \"t" + (i * 37 % 1000) + "\"}"),
                new Case(
                        "jsonb ? (GIN jsonb_ops)",
                        "jsonb_exists(attrs, ?) function",
                        "HQL jsonb_has_key -> attrs ? key",
                        "select count(*) from bench_doc where jsonb_exists(attrs, ?)",
                        "select count(*) from BenchDoc d where jsonb_has_key(d.attrs, :p)",
                        i -> "k" + (i * 37 % 1000)),
                new Case(
                        "tsvector @@ (GIN)",
                        "ts_match_vq(search, query) function",
                        "HQL ts_match -> search @@ query",
                        "select count(*) from bench_doc where ts_match_vq(search, websearch_to_tsquery('english', ?))",
                        "select count(*) from BenchDoc d where ts_match(d.search, websearch_to_tsquery('english', :p))",
                        i -> "word" + (i * 37 % 1000)),
                new Case(
                        "range && (GiST)",
                        "range_overlaps(during, ?) function",
                        "HQL range_overlaps -> during && ?",
                        "select count(*) from bench_doc where range_overlaps(during, cast(? as tsrange))",
                        "select count(*) from BenchDoc d where range_overlaps(d.during, :p)",
                        i ->
                                PgRange.closedOpen(
                                        LocalDateTime.of(2026, 1, 1, 0, 0).plusHours(i * 97L),
                                        LocalDateTime.of(2026, 1, 1, 0, 0).plusHours(i * 97L + 1))),
                new Case(
                        "trigram % (GIN gin_trgm_ops)",
                        "similarity_op(name, ?) function",
                        "HQL trgm_match -> name % ?",
                        "select count(*) from bench_doc where similarity_op(name, ?)",
                        "select count(*) from BenchDoc d where trgm_match(d.name, :p)",
                        i -> typo(md5(i * 37 + 1))),
                new Case(
                        "ltree <@ (GiST)",
                        "ltree_risparent(path, ?) function",
                        "HQL ltree_is_descendant -> path <@ ?",
                        "select count(*) from bench_doc where ltree_risparent(path, cast(? as ltree))",
                        "select count(*) from BenchDoc d where ltree_is_descendant(d.path, :p)",
                        i -> "top.c" + (i * 37 % 50) + ".d" + (i * 53 % 997)),
                // lquery patterns anchored at the root, as subtree queries are written
                // (Top.Science.Astronomy.*); the notes say why
                new Case(
                        "ltree ~ lquery (GiST)",
                        "ltq_regex(path, ?) function",
                        "HQL ltree_matches -> path ~ ?",
                        "select count(*) from bench_doc where ltq_regex(path, cast(? as lquery))",
                        "select count(*) from BenchDoc d where ltree_matches(d.path, :p)",
                        i -> subtree(i, 0),
                        "lquery patterns anchored at the root, top.cA.dB.* (about 4 of the 200,000"
                                + " paths each), as subtree queries are written; patterns that"
                                + " begin with a wildcard (top.*.dB.*, *.nN) make GiST visit most"
                                + " of the index and measured 2.1-2.2x"),
                new Case(
                        "ltree ? lquery[] (GiST)",
                        "lt_q_regex(path, ?) function",
                        "HQL ltree_matches_any -> path ? array[?, ?]",
                        "select count(*) from bench_doc where lt_q_regex(path, array[cast(? as lquery), cast(? as lquery)])",
                        "select count(*) from BenchDoc d where ltree_matches_any(d.path, :p, :p2)",
                        i -> new Object[] {subtree(i, 0), subtree(i, 1)},
                        "two anchored lquery patterns, {top.cA.dB.*, top.cC.dD.*} (about 8 paths)"),
                new Case(
                        "hstore ? (GIN)",
                        "exist(tags, ?) function",
                        "HQL hstore_has_key -> tags ? key",
                        "select count(*) from bench_doc where exist(tags, ?)",
                        "select count(*) from BenchDoc d where hstore_has_key(d.tags, :p)",
                        i -> "k" + (i * 37 % 1000)),
                new Case(
                        "hstore @> (GIN)",
                        "hs_contains(tags, ?) function",
                        "HQL hstore_contains -> tags @> ?",
                        "select count(*) from bench_doc where hs_contains(tags, cast(? as hstore))",
                        "select count(*) from BenchDoc d where hstore_contains(d.tags, :p)",
                        i -> "tag => t" + (i * 37 % 1000)));
    }

    /**
     * Returns the lquery {@code top.cA.dB.*} of probe {@code i}, variant {@code k}: a subtree two
     * levels down, about 4 of the 200,000 paths.
     */
    static String subtree(int i, int k) {
        return "top.c" + ((i * 37 + k * 11) % 50) + ".d" + ((i * 53 + k * 101) % 997) + ".*";
    }

    /** Returns the hex MD5 of the number's decimal text, as PostgreSQL's md5(g::text) does. */
    static String md5(int n) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("MD5")
                            .digest(Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes one character, as a user's typo would. */
    static String typo(String s) {
        return s.substring(0, 10) + (s.charAt(10) == 'a' ? 'b' : 'a') + s.substring(11);
    }

    /** The parameter values of query {@code i}: one value, or an {@code Object[]} of several. */
    private interface Probe {
        Object value(int i);

        /** Returns the values, the first bound to {@code ?1} and {@code :p}, the next to p2... */
        default Object[] values(int i) {
            Object value = value(i);
            return value instanceof Object[] several ? several : new Object[] {value};
        }
    }

    static synchronized SessionFactory fixture(BenchEnv env) throws Exception {
        if (sf == null || !sf.isOpen()) {
            sf = env.sessionFactory(List.of(BenchDoc.class), Map.of());
            env.execute(
                    "insert into bench_doc (id, name, body, attrs, during, path, tags) select g,"
                            + " md5(g::text),"
                            + " 'text about word' || (g % 1000) || ' and ' || md5(g::text),"
                            + " jsonb_build_object('tag', 't' || (g % 1000), 'k' || (g % 1000), true, 'n', g),"
                            + " tsrange(timestamp '2026-01-01' + g * interval '5 minutes', timestamp '2026-01-01' + g * interval '5 minutes' + interval '30 minutes'),"
                            + " ('top.c' || g % 50 || '.d' || g % 997 || '.n' || g)::ltree,"
                            + " hstore(array['tag', 't' || (g % 1000), 'k' || (g % 1000), 'yes'])"
                            + " from generate_series(1, "
                            + ROWS
                            + ") g",
                    "vacuum analyze bench_doc");
        }
        return sf;
    }

    /** One operator against its function form. */
    static final class Case extends LabeledCase {
        private final String baselineSql;
        private final String oursHql;
        private final Probe probe;
        private final String notes;
        private SessionFactory factory;

        Case(
                String name,
                String baseline,
                String ours,
                String baselineSql,
                String oursHql,
                Probe probe) {
            this(name, baseline, ours, baselineSql, oursHql, probe, "");
        }

        Case(
                String name,
                String baseline,
                String ours,
                String baselineSql,
                String oursHql,
                Probe probe,
                String notes) {
            super(name, baseline, ours, 5.0);
            this.notes = notes;
            this.baselineSql = baselineSql;
            this.oursHql = oursHql;
            this.probe = probe;
        }

        @Override
        public String notes() {
            return notes;
        }

        @Override
        public void setUp(BenchEnv env) throws Exception {
            factory = fixture(env);
            // Both forms must find the same rows, or the comparison means nothing.
            for (int i = 0; i < 3; i++) {
                long a = baselineCount(i);
                long b = oursCount(i);
                if (a != b) {
                    throw new IllegalStateException(
                            name()
                                    + ": the baseline counts "
                                    + a
                                    + " rows, PG-ORM "
                                    + b
                                    + " for probe "
                                    + Arrays.toString(probe.values(i)));
                }
            }
        }

        private long baselineCount(int i) {
            Object[] values = probe.values(i);
            return factory.fromTransaction(
                    s -> {
                        var query = s.createNativeQuery(baselineSql, Long.class);
                        for (int j = 0; j < values.length; j++) {
                            Object value = values[j];
                            query.setParameter(
                                    j + 1, value instanceof PgRange ? value.toString() : value);
                        }
                        return ((Number) query.getSingleResult()).longValue();
                    });
        }

        private long oursCount(int i) {
            Object[] values = probe.values(i);
            return factory.fromTransaction(
                    s -> {
                        var query = s.createSelectionQuery(oursHql, Long.class);
                        for (int j = 0; j < values.length; j++) {
                            query.setParameter(j == 0 ? "p" : "p" + (j + 1), values[j]);
                        }
                        return query.getSingleResult();
                    });
        }

        @Override
        public void runBaseline() {
            for (int i = 0; i < QUERIES; i++) {
                baselineCount(i);
            }
        }

        @Override
        public void runOurs() {
            for (int i = 0; i < QUERIES; i++) {
                oursCount(i);
            }
        }
    }
}
