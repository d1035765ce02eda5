package dev.pgorm.functions;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import org.hibernate.Session;

/**
 * Per-transaction settings of pgvector's approximate indexes, set with {@code set_config(name,
 * value, true)} so they end with the transaction and never leak to the next user of a pooled
 * connection.
 *
 * <p>Which hibernate-vector functions an index can serve in {@code ORDER BY ... LIMIT}: {@code
 * cosine_distance} ({@code vector_cosine_ops}), {@code euclidean_distance} ({@code vector_l2_ops}),
 * {@code negative_inner_product} ({@code vector_ip_ops}), {@code hamming_distance} and {@code
 * jaccard_distance} (bit vectors), and this module's {@code l1_distance_op} ({@code
 * vector_l1_ops}). {@code inner_product}, {@code euclidean_squared_distance} and {@code
 * l1_distance} wrap the operator in arithmetic or a function call, which no index serves: order by
 * {@code negative_inner_product}, {@code euclidean_distance} or {@code l1_distance_op} instead.
 *
 * @since 0.1
 */
public final class PgVectorSearch {

    private PgVectorSearch() {}

    /**
     * Sets {@code hnsw.ef_search}, the size of the HNSW candidate list (pgvector's default is 40;
     * higher finds more true neighbours, more slowly), for the current transaction.
     *
     * @param em an entity manager with an active transaction
     * @param efSearch from 1 to 1000
     */
    public static void setEfSearch(EntityManager em, int efSearch) {
        if (efSearch < 1 || efSearch > 1000) {
            throw new IllegalArgumentException(
                    "hnsw.ef_search must be between 1 and 1000, not " + efSearch);
        }
        set(em, "hnsw.ef_search", efSearch);
    }

    /**
     * Sets {@code ivfflat.probes}, the number of IVFFlat lists searched (pgvector's default is 1),
     * for the current transaction.
     *
     * @param em an entity manager with an active transaction
     * @param probes at least 1
     */
    public static void setProbes(EntityManager em, int probes) {
        if (probes < 1) {
            throw new IllegalArgumentException("ivfflat.probes must be at least 1, not " + probes);
        }
        set(em, "ivfflat.probes", probes);
    }

    private static void set(EntityManager em, String name, int value) {
        Session session = em.unwrap(Session.class);
        if (!session.isJoinedToTransaction()) {
            throw new IllegalStateException(
                    name + " is set for the current transaction; begin one first");
        }
        session.doWork(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("select set_config(?, ?, true)")) {
                        ps.setString(1, name);
                        ps.setString(2, Integer.toString(value));
                        ps.execute();
                    }
                });
    }
}
