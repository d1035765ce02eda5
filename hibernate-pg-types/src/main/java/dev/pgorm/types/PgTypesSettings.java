package dev.pgorm.types;

/**
 * Configuration properties of the types module.
 *
 * @since 0.1
 */
public final class PgTypesSettings {

    /** Turns the types module off ({@code true} by default): {@value}. */
    public static final String ENABLED = "pgorm.types.enabled";

    /**
     * Replaces Hibernate's serialize-and-parse snapshots of JSON attributes
     * ({@code @JdbcTypeCode(SqlTypes.JSON)}) with structural copies and comparisons, and reads
     * {@code Map}/{@code List} documents lazily ({@code true} by default); {@code false} keeps
     * Hibernate's own behaviour: {@value}. The former spelling {@code pgorm.types.json-lean} is
     * still read, with a warning, until 0.2.
     */
    public static final String JSON_LEAN = "pgorm.types.json_lean";

    /**
     * Sends and reads hibernate-vector's {@code float[]} columns ({@code vector}, {@code halfvec})
     * in pgvector's binary format ({@code true} by default); {@code false} keeps hibernate-vector's
     * text transfer: {@value}. The former spelling {@code pgorm.types.vector-binary} is still read,
     * with a warning, until 0.2.
     */
    public static final String VECTOR_BINARY = "pgorm.types.vector_binary";

    private PgTypesSettings() {}
}
