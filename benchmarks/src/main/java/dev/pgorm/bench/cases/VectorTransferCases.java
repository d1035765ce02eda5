package dev.pgorm.bench.cases;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.types.PgTypesSettings;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Issue: fast vectors. 2,000 entities with a 1536-dimension {@code vector} column, inserted through
 * Hibernate (batch 50) and read back with a query (100 rows per query, 20 queries), with
 * hibernate-vector's text transfer ({@code pgorm.types.vector_binary=false}) against PG-ORM's
 * binary transfer. pgjdbc's default {@code prepareThreshold} (5): statements switch to binary
 * results once server-prepared, as in an application. Each side has a pool of its own, because
 * binary transfer is turned on per physical connection.
 */
public final class VectorTransferCases {

    static final int ROWS = Integer.getInteger("pgorm.bench.vector.rows", 2_000);
    static final int DIMENSIONS = 1536;
    static final int PAGE = 100;

    private VectorTransferCases() {}

    /** Returns the insert and the read comparison. */
    public static List<BenchmarkCase> all() {
        return List.of(new Case(true, 1.5), new Case(false, 5.0));
    }

    /** The entity written and read. */
    @Entity(name = "VecBenchDoc")
    @Table(name = "vec_bench_doc")
    public static class VecBenchDoc {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = DIMENSIONS)
        float[] embedding;
    }

    static float[][] vectors() {
        Random random = new Random(42);
        float[][] vectors = new float[ROWS][DIMENSIONS];
        for (float[] v : vectors) {
            for (int i = 0; i < DIMENSIONS; i++) {
                v[i] = random.nextFloat() * 2 - 1;
            }
        }
        return vectors;
    }

    static final class Case implements BenchmarkCase {
        private final boolean insert;
        private final double target;
        private final float[][] vectors = vectors();
        private BenchEnv env;
        private HikariDataSource textPool;
        private HikariDataSource binaryPool;
        private SessionFactory text;
        private SessionFactory binary;

        Case(boolean insert, double target) {
            this.insert = insert;
            this.target = target;
        }

        @Override
        public String name() {
            return insert
                    ? "vector insert, 1536 dims (2,000 entities)"
                    : "vector read, 1536 dims (2,000 entities)";
        }

        @Override
        public String baseline() {
            return "hibernate-vector (text transfer)";
        }

        @Override
        public String ours() {
            return "PgVectorJdbcType (binary transfer)";
        }

        @Override
        public double target() {
            return target;
        }

        @Override
        public void setUp(BenchEnv env) throws Exception {
            this.env = env;
            textPool = pool(env);
            binaryPool = pool(env);
            text = factory(textPool, false, "create");
            binary = factory(binaryPool, true, "none");
            if (!insert) {
                env.execute("truncate vec_bench_doc");
                persistAll(binary);
            }
        }

        private static HikariDataSource pool(BenchEnv env) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(env.dataSource().getJdbcUrl());
            config.setUsername(env.dataSource().getUsername());
            config.setPassword(env.dataSource().getPassword());
            config.setMaximumPoolSize(2);
            return new HikariDataSource(config);
        }

        private SessionFactory factory(HikariDataSource pool, boolean binary, String ddl) {
            Map<String, Object> settings = new HashMap<>();
            settings.put("jakarta.persistence.nonJtaDataSource", pool);
            settings.put("hibernate.hbm2ddl.auto", ddl);
            settings.put("hibernate.jdbc.batch_size", 50);
            settings.put(PgTypesSettings.VECTOR_BINARY, binary);
            return env.sessionFactory(List.of(VecBenchDoc.class), settings);
        }

        private void persistAll(SessionFactory sf) {
            sf.inTransaction(
                    s -> {
                        for (int i = 0; i < ROWS; i++) {
                            VecBenchDoc doc = new VecBenchDoc();
                            doc.id = (long) i;
                            doc.embedding = vectors[i];
                            s.persist(doc);
                            if (i % 50 == 49) {
                                s.flush();
                                s.clear();
                            }
                        }
                    });
        }

        private void readAll(SessionFactory sf) {
            long sum =
                    sf.fromTransaction(
                            s -> {
                                s.setDefaultReadOnly(true);
                                long total = 0;
                                for (long from = 0; from < ROWS; from += PAGE) {
                                    List<VecBenchDoc> page =
                                            s.createSelectionQuery(
                                                            "from VecBenchDoc d where d.id >= :from and d.id < :to",
                                                            VecBenchDoc.class)
                                                    .setParameter("from", from)
                                                    .setParameter("to", from + PAGE)
                                                    .getResultList();
                                    for (VecBenchDoc d : page) {
                                        total += d.embedding.length;
                                    }
                                    s.clear();
                                }
                                return total;
                            });
            if (sum != (long) ROWS * DIMENSIONS) {
                throw new IllegalStateException(
                        "read " + sum + " values, expected " + (long) ROWS * DIMENSIONS);
            }
        }

        @Override
        public void beforeEach() throws Exception {
            if (insert) {
                env.execute("truncate vec_bench_doc");
            }
        }

        @Override
        public void runBaseline() {
            if (insert) {
                persistAll(text);
            } else {
                readAll(text);
            }
        }

        @Override
        public void runOurs() {
            if (insert) {
                persistAll(binary);
            } else {
                readAll(binary);
            }
        }

        @Override
        public void tearDown() {
            textPool.close();
            binaryPool.close();
        }
    }
}
