package dev.pgorm.functions;

/**
 * The names of the HQL functions this module registers, with the SQL each renders. Operators are
 * rendered as operators, never as equivalent functions, because only the operator forms can use GIN
 * and GiST indexes.
 *
 * @since 0.1
 */
public final class PgFunctions {

    // Full-text search

    /** {@code to_tsvector([config,] text)}: a document as a tsvector. */
    public static final String TO_TSVECTOR = "to_tsvector";

    /** {@code to_tsquery([config,] text)}: a query in tsquery syntax. */
    public static final String TO_TSQUERY = "to_tsquery";

    /** {@code plainto_tsquery([config,] text)}: plain words, all required. */
    public static final String PLAINTO_TSQUERY = "plainto_tsquery";

    /** {@code phraseto_tsquery([config,] text)}: the words as a phrase. */
    public static final String PHRASETO_TSQUERY = "phraseto_tsquery";

    /** {@code websearch_to_tsquery([config,] text)}: search-engine syntax, safe for user input. */
    public static final String WEBSEARCH_TO_TSQUERY = "websearch_to_tsquery";

    /**
     * {@code ts_match(vector, query)} renders {@code vector @@ query}; Boolean, usable bare in
     * where.
     */
    public static final String TS_MATCH = "ts_match";

    /** {@code ts_rank([weights,] vector, query [, normalization])}: Double. */
    public static final String TS_RANK = "ts_rank";

    /**
     * {@code ts_rank_cd([weights,] vector, query [, normalization])}: cover density rank, Double.
     */
    public static final String TS_RANK_CD = "ts_rank_cd";

    /**
     * {@code ts_headline([config,] document, query [, options])}: the document with matches marked.
     */
    public static final String TS_HEADLINE = "ts_headline";

    /** {@code setweight(vector, weight)}: labels every lexeme with weight A, B, C or D. */
    public static final String SETWEIGHT = "setweight";

    // JSONB

    /** {@code jsonb_contains(a, b)} renders {@code a @> b}. */
    public static final String JSONB_CONTAINS = "jsonb_contains";

    /** {@code jsonb_contained_in(a, b)} renders {@code a <@ b}. */
    public static final String JSONB_CONTAINED_IN = "jsonb_contained_in";

    /** {@code jsonb_has_key(doc, key)} renders {@code doc ? key}. */
    public static final String JSONB_HAS_KEY = "jsonb_has_key";

    /** {@code jsonb_has_any_key(doc, key...)} renders {@code doc ?| array[keys]}. */
    public static final String JSONB_HAS_ANY_KEY = "jsonb_has_any_key";

    /** {@code jsonb_has_all_keys(doc, key...)} renders {@code doc ?& array[keys]}. */
    public static final String JSONB_HAS_ALL_KEYS = "jsonb_has_all_keys";

    /** {@code jsonb_get(doc, key or index)} renders {@code doc -> key}: JSON text. */
    public static final String JSONB_GET = "jsonb_get";

    /** {@code jsonb_get_text(doc, key or index)} renders {@code doc ->> key}: text. */
    public static final String JSONB_GET_TEXT = "jsonb_get_text";

    /** {@code jsonb_path_get(doc, key...)} renders {@code doc #> array[keys]}: JSON text. */
    public static final String JSONB_PATH_GET = "jsonb_path_get";

    /** {@code jsonb_path_get_text(doc, key...)} renders {@code doc #>> array[keys]}: text. */
    public static final String JSONB_PATH_GET_TEXT = "jsonb_path_get_text";

    /** {@code jsonb_path_exists_op(doc, jsonpath)} renders {@code doc @? jsonpath}. */
    public static final String JSONB_PATH_EXISTS_OP = "jsonb_path_exists_op";

    /** {@code jsonb_path_match_op(doc, jsonpath)} renders {@code doc @@ jsonpath}. */
    public static final String JSONB_PATH_MATCH_OP = "jsonb_path_match_op";

    // Ranges

    /** {@code range_contains(range, element or range)} renders {@code range @> x}. */
    public static final String RANGE_CONTAINS = "range_contains";

    /** {@code range_contained_by(x, range)} renders {@code x <@ range}. */
    public static final String RANGE_CONTAINED_BY = "range_contained_by";

    /** {@code range_overlaps(a, b)} renders {@code a && b}. */
    public static final String RANGE_OVERLAPS = "range_overlaps";

    /** {@code range_adjacent(a, b)} renders {@code a -|- b}. */
    public static final String RANGE_ADJACENT = "range_adjacent";

    /** {@code range_strictly_left(a, b)} renders {@code a << b}. */
    public static final String RANGE_STRICTLY_LEFT = "range_strictly_left";

    /** {@code range_strictly_right(a, b)} renders {@code a >> b}. */
    public static final String RANGE_STRICTLY_RIGHT = "range_strictly_right";

    /**
     * {@code range_lower(range)} renders {@code lower(range)} (HQL's lower() is the string
     * function).
     */
    public static final String RANGE_LOWER = "range_lower";

    /** {@code range_upper(range)} renders {@code upper(range)}. */
    public static final String RANGE_UPPER = "range_upper";

    /** {@code range_isempty(range)} renders {@code isempty(range)}. */
    public static final String RANGE_ISEMPTY = "range_isempty";

    // Trigrams (pg_trgm)

    /** {@code similarity(a, b)}: Double from 0 to 1. */
    public static final String SIMILARITY = "similarity";

    /** {@code word_similarity(a, b)}: Double from 0 to 1. */
    public static final String WORD_SIMILARITY = "word_similarity";

    /**
     * {@code trgm_match(a, b)} renders {@code a % b}: similar beyond {@code
     * pg_trgm.similarity_threshold}.
     */
    public static final String TRGM_MATCH = "trgm_match";

    // Vectors (pgvector), adding to hibernate-vector

    /**
     * {@code l1_distance_op(a, b)} renders {@code a <+> b}, which an HNSW {@code vector_l1_ops}
     * index serves.
     */
    public static final String L1_DISTANCE_OP = "l1_distance_op";

    // Advisory locks

    /** {@code pg_advisory_xact_lock(key)}: waits for a transaction-scoped lock. */
    public static final String PG_ADVISORY_XACT_LOCK = "pg_advisory_xact_lock";

    /** {@code pg_try_advisory_xact_lock(key)}: takes it if free, Boolean. */
    public static final String PG_TRY_ADVISORY_XACT_LOCK = "pg_try_advisory_xact_lock";

    // pgcrypto

    /**
     * {@code digest(data, algorithm)}: the hash of text or bytes, {@code byte[]}; algorithms {@code
     * md5}, {@code sha1}, {@code sha224}, {@code sha256}, {@code sha384}, {@code sha512}.
     */
    public static final String DIGEST = "digest";

    /** {@code hmac(data, key, algorithm)}: the keyed hash of text or bytes, {@code byte[]}. */
    public static final String HMAC = "hmac";

    /**
     * {@code crypt(password, salt)}: a password hash, String; {@code crypt(password, hash) = hash}
     * verifies a password.
     */
    public static final String CRYPT = "crypt";

    /**
     * {@code gen_salt(type [, iterations])}: a new random salt for {@code crypt}, String; types
     * {@code bf}, {@code md5}, {@code xdes}, {@code des}.
     */
    public static final String GEN_SALT = "gen_salt";

    /** {@code pgp_sym_encrypt(text, password [, options])}: a PGP message, {@code byte[]}. */
    public static final String PGP_SYM_ENCRYPT = "pgp_sym_encrypt";

    /** {@code pgp_sym_decrypt(message, password [, options])}: the text, String. */
    public static final String PGP_SYM_DECRYPT = "pgp_sym_decrypt";

    /** {@code gen_random_uuid()}: a version 4 UUID (built into PostgreSQL 13 and later). */
    public static final String GEN_RANDOM_UUID = "gen_random_uuid";

    // ltree

    /** {@code ltree_is_ancestor(a, b)} renders {@code a @> b}: a is b or an ancestor of b. */
    public static final String LTREE_IS_ANCESTOR = "ltree_is_ancestor";

    /** {@code ltree_is_descendant(a, b)} renders {@code a <@ b}: a is b or a descendant of b. */
    public static final String LTREE_IS_DESCENDANT = "ltree_is_descendant";

    /** {@code ltree_matches(path, lquery)} renders {@code path ~ lquery}. */
    public static final String LTREE_MATCHES = "ltree_matches";

    /**
     * {@code ltree_matches_any(path, lquery...)} renders {@code path ? array[lquery, ...]}: matches
     * any of them.
     */
    public static final String LTREE_MATCHES_ANY = "ltree_matches_any";

    /** {@code nlevel(path)}: the number of labels, Integer. */
    public static final String NLEVEL = "nlevel";

    /**
     * {@code subpath(path, offset [, length])}: part of the path, from label {@code offset} (0).
     */
    public static final String SUBPATH = "subpath";

    // hstore

    /** {@code hstore_get(h, key)} renders {@code h -> key}: the value, String. */
    public static final String HSTORE_GET = "hstore_get";

    /** {@code hstore_has_key(h, key)} renders {@code h ? key}. */
    public static final String HSTORE_HAS_KEY = "hstore_has_key";

    /** {@code hstore_contains(a, b)} renders {@code a @> b}: a holds every pair of b. */
    public static final String HSTORE_CONTAINS = "hstore_contains";

    private PgFunctions() {}
}
