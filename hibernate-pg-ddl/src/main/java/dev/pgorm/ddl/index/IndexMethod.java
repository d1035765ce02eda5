package dev.pgorm.ddl.index;

/**
 * The access method of an index ({@code USING ...}).
 *
 * @since 0.1
 */
public enum IndexMethod {
    /** B-tree, PostgreSQL's default: equality and range on sortable values. */
    BTREE("btree", null),
    /** Hash: equality only. */
    HASH("hash", null),
    /** GiST: ranges, geometry, exclusion constraints, trigram distance. */
    GIST("gist", null),
    /** SP-GiST: space-partitioned data such as points and text prefixes. */
    SPGIST("spgist", null),
    /** GIN: jsonb, arrays, tsvector, trigrams. */
    GIN("gin", null),
    /** BRIN: block ranges of naturally ordered data such as time series. */
    BRIN("brin", null),
    /** pgvector's HNSW graph index for nearest-neighbour search. */
    HNSW("hnsw", "vector"),
    /** pgvector's IVFFlat index for nearest-neighbour search. */
    IVFFLAT("ivfflat", "vector");

    private final String sql;
    private final String extension;

    IndexMethod(String sql, String extension) {
        this.sql = sql;
        this.extension = extension;
    }

    /**
     * Returns the method's name in SQL, for example {@code gin}.
     *
     * @return the name written after {@code USING}, in lower case
     */
    public String sql() {
        return sql;
    }

    /**
     * Returns the extension that provides the method, or null for built-in methods.
     *
     * @return {@code vector} for pgvector's methods, or null
     */
    public String extension() {
        return extension;
    }
}
