package dev.pgorm.replicas;

/**
 * Configuration properties of the replicas module, read by {@link PgReplicasConnectionProvider}.
 * The primary is Hibernate's own connection setting: {@code hibernate.connection.datasource}, or
 * {@code jakarta.persistence.jdbc.url} with its user and password.
 *
 * @since 0.1
 */
public final class PgReplicasSettings {

    /**
     * Routes read-only sessions to the replicas ({@code true}, the default) or sends everything to
     * the primary ({@code false}): {@value}.
     */
    public static final String ENABLED = "pgorm.replicas.enabled";

    /**
     * The replicas' JDBC URLs, comma-separated or a collection of strings, for example {@code
     * jdbc:postgresql://replica1:5432/app}; each gets a HikariCP pool that connects with the
     * primary's user and password when Hibernate has them, else with those in the URL ({@code
     * ?user=...&password=...}): {@value}.
     */
    public static final String URLS = "pgorm.replicas.urls";

    /**
     * The replicas as {@code javax.sql.DataSource} objects (one, or a collection), pooled by
     * whoever made them; used besides {@link #URLS}: {@value}.
     */
    public static final String DATA_SOURCES = "pgorm.replicas.data_sources";

    /**
     * How far behind the primary a replica may be and still serve reads ({@code 10s} by default),
     * measured by the health check from WAL positions: the time since the primary first stood past
     * the position the replica has replayed: {@value}.
     */
    public static final String MAX_LAG = "pgorm.replicas.max_lag";

    /**
     * How often a background thread checks each replica's health and lag ({@code 1s} by default);
     * statements never wait for a check: {@value}.
     */
    public static final String CHECK_INTERVAL = "pgorm.replicas.check_interval";

    /**
     * How long a read-only session that carries a read-your-writes token waits for a replica to
     * replay it before it reads from the primary instead ({@code 1s} by default): {@value}.
     */
    public static final String WAIT_TIMEOUT = "pgorm.replicas.wait_timeout";

    /**
     * The maximum size of each pool made for {@link #URLS} and for the primary's URL ({@code 10} by
     * default): {@value}.
     */
    public static final String POOL_SIZE = "pgorm.replicas.pool_size";

    private PgReplicasSettings() {}
}
