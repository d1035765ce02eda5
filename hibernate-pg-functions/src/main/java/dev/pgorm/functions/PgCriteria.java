package dev.pgorm.functions;

import dev.pgorm.types.PgTsQuery;
import dev.pgorm.types.PgTsVector;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * The functions of {@link PgFunctions} for Criteria queries, typed, so no function name is written
 * as a string.
 *
 * <pre>{@code
 * var q = cb.createQuery(Article.class);
 * var a = q.from(Article.class);
 * var query = PgCriteria.websearchToTsquery(cb, "english", cb.parameter(String.class, "q"));
 * q.where(PgCriteria.tsMatch(cb, a.get("search"), query))
 *  .orderBy(cb.desc(PgCriteria.tsRank(cb, a.get("search"), query)));
 * }</pre>
 *
 * @since 0.1
 */
public final class PgCriteria {

    private PgCriteria() {}

    /**
     * Returns {@code to_tsvector(config, text)}, the document {@code text} parsed into lexemes.
     *
     * @param cb the criteria builder of the query
     * @param config the text search configuration, such as {@code "english"}; it is cast to {@code
     *     regconfig}
     * @param text the document to parse
     * @return the {@code tsvector} expression
     */
    public static Expression<PgTsVector> toTsvector(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(PgFunctions.TO_TSVECTOR, PgTsVector.class, cb.literal(config), text);
    }

    /**
     * Returns {@code websearch_to_tsquery(config, text)}: search-engine syntax, safe for user
     * input.
     *
     * @param cb the criteria builder of the query
     * @param config the text search configuration, such as {@code "english"}; it is cast to {@code
     *     regconfig}
     * @param text the search as a user types it: words, {@code "quoted phrases"}, {@code or} and
     *     {@code -excluded} words; malformed input never raises an error
     * @return the {@code tsquery} expression
     */
    public static Expression<PgTsQuery> websearchToTsquery(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(
                PgFunctions.WEBSEARCH_TO_TSQUERY, PgTsQuery.class, cb.literal(config), text);
    }

    /**
     * Returns {@code plainto_tsquery(config, text)}, which matches documents containing all the
     * words of {@code text}.
     *
     * @param cb the criteria builder of the query
     * @param config the text search configuration, such as {@code "english"}; it is cast to {@code
     *     regconfig}
     * @param text plain words; punctuation and operators are ignored
     * @return the {@code tsquery} expression
     */
    public static Expression<PgTsQuery> plaintoTsquery(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(PgFunctions.PLAINTO_TSQUERY, PgTsQuery.class, cb.literal(config), text);
    }

    /**
     * Returns {@code phraseto_tsquery(config, text)}, which matches documents containing the words
     * of {@code text} in that order.
     *
     * @param cb the criteria builder of the query
     * @param config the text search configuration, such as {@code "english"}; it is cast to {@code
     *     regconfig}
     * @param text the phrase; punctuation and operators are ignored
     * @return the {@code tsquery} expression
     */
    public static Expression<PgTsQuery> phrasetoTsquery(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(PgFunctions.PHRASETO_TSQUERY, PgTsQuery.class, cb.literal(config), text);
    }

    /**
     * Returns {@code to_tsquery(config, text)}, which parses {@code tsquery} syntax; not for raw
     * user input, which can make it raise a syntax error.
     *
     * @param cb the criteria builder of the query
     * @param config the text search configuration, such as {@code "english"}; it is cast to {@code
     *     regconfig}
     * @param text a query in {@code tsquery} syntax, such as {@code 'fat & (rat | cat)'}
     * @return the {@code tsquery} expression
     */
    public static Expression<PgTsQuery> toTsquery(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(PgFunctions.TO_TSQUERY, PgTsQuery.class, cb.literal(config), text);
    }

    /**
     * Returns the predicate {@code vector @@ query}, true when the document matches the query.
     *
     * @param cb the criteria builder of the query
     * @param vector the document, a {@code tsvector} column or expression
     * @param query the {@code tsquery} to match
     * @return the predicate
     */
    public static Predicate tsMatch(CriteriaBuilder cb, Expression<?> vector, Expression<?> query) {
        return cb.isTrue(cb.function(PgFunctions.TS_MATCH, Boolean.class, vector, query));
    }

    /**
     * Returns {@code ts_rank(vector, query)}, how well the document matches by the frequency of the
     * matching lexemes.
     *
     * @param cb the criteria builder of the query
     * @param vector the document, a {@code tsvector} column or expression
     * @param query the {@code tsquery} to rank against
     * @return the rank, higher for better matches
     */
    public static Expression<Double> tsRank(
            CriteriaBuilder cb, Expression<?> vector, Expression<?> query) {
        return cb.function(PgFunctions.TS_RANK, Double.class, vector, query);
    }

    /**
     * Returns {@code ts_rank_cd(vector, query)}, how well the document matches by the cover density
     * (proximity) of the matching lexemes.
     *
     * @param cb the criteria builder of the query
     * @param vector the document, a {@code tsvector} column or expression
     * @param query the {@code tsquery} to rank against
     * @return the rank, higher for better matches
     */
    public static Expression<Double> tsRankCd(
            CriteriaBuilder cb, Expression<?> vector, Expression<?> query) {
        return cb.function(PgFunctions.TS_RANK_CD, Double.class, vector, query);
    }

    /**
     * Returns {@code ts_headline(config, document, query, options)}, an excerpt of the document
     * with the matching words highlighted.
     *
     * @param cb the criteria builder of the query
     * @param config the text search configuration, such as {@code "english"}; it is cast to {@code
     *     regconfig}
     * @param document the original text (not its {@code tsvector})
     * @param query the {@code tsquery} whose matches are highlighted
     * @param options PostgreSQL's headline options, such as {@code "StartSel=<b>, StopSel=</b>,
     *     MaxWords=35"}; null or empty for the defaults
     * @return the excerpt
     */
    public static Expression<String> tsHeadline(
            CriteriaBuilder cb,
            String config,
            Expression<String> document,
            Expression<?> query,
            String options) {
        return options == null || options.isEmpty()
                ? cb.function(
                        PgFunctions.TS_HEADLINE, String.class, cb.literal(config), document, query)
                : cb.function(
                        PgFunctions.TS_HEADLINE,
                        String.class,
                        cb.literal(config),
                        document,
                        query,
                        cb.literal(options));
    }

    /**
     * Returns the predicate {@code doc @> value}, true when the JSON document contains the value.
     *
     * @param cb the criteria builder of the query
     * @param doc the {@code jsonb} document
     * @param value the JSON that must be contained, such as a parameter bound to {@code
     *     {"status":"active"}}; it is cast to {@code jsonb}
     * @return the predicate
     */
    public static Predicate jsonbContains(
            CriteriaBuilder cb, Expression<?> doc, Expression<?> value) {
        return cb.isTrue(cb.function(PgFunctions.JSONB_CONTAINS, Boolean.class, doc, value));
    }

    /**
     * Returns the predicate {@code doc ? key}, true when the top level of the JSON document has the
     * key (or, for an array, the string element).
     *
     * @param cb the criteria builder of the query
     * @param doc the {@code jsonb} document
     * @param key the key
     * @return the predicate
     */
    public static Predicate jsonbHasKey(
            CriteriaBuilder cb, Expression<?> doc, Expression<String> key) {
        return cb.isTrue(cb.function(PgFunctions.JSONB_HAS_KEY, Boolean.class, doc, key));
    }

    /**
     * Returns {@code doc ->> key}, the value of a top-level key of the JSON document as text.
     *
     * @param cb the criteria builder of the query
     * @param doc the {@code jsonb} document
     * @param key the key, passed as a literal
     * @return the value as text, or SQL null when the key is absent
     */
    public static Expression<String> jsonbGetText(
            CriteriaBuilder cb, Expression<?> doc, String key) {
        return cb.function(PgFunctions.JSONB_GET_TEXT, String.class, doc, cb.literal(key));
    }

    /**
     * Returns the predicate {@code range @> value}; value may be an element or a range.
     *
     * @param cb the criteria builder of the query
     * @param range the range that must contain {@code value}
     * @param value an element, cast to the range's element type, or a range
     * @return the predicate
     */
    public static Predicate rangeContains(
            CriteriaBuilder cb, Expression<?> range, Expression<?> value) {
        return cb.isTrue(cb.function(PgFunctions.RANGE_CONTAINS, Boolean.class, range, value));
    }

    /**
     * Returns the predicate {@code a && b}, true when the two ranges have an element in common.
     *
     * @param cb the criteria builder of the query
     * @param a a range
     * @param b the other range
     * @return the predicate
     */
    public static Predicate rangeOverlaps(CriteriaBuilder cb, Expression<?> a, Expression<?> b) {
        return cb.isTrue(cb.function(PgFunctions.RANGE_OVERLAPS, Boolean.class, a, b));
    }

    /**
     * Returns the predicate {@code a <@ b}, true when {@code a} is contained in the range {@code
     * b}.
     *
     * @param cb the criteria builder of the query
     * @param a an element, cast to the element type of {@code b}, or a range
     * @param b the range that must contain {@code a}
     * @return the predicate
     */
    public static Predicate rangeContainedBy(CriteriaBuilder cb, Expression<?> a, Expression<?> b) {
        return cb.isTrue(cb.function(PgFunctions.RANGE_CONTAINED_BY, Boolean.class, a, b));
    }

    /**
     * Returns the predicate {@code a % b} (trigram similarity above the threshold).
     *
     * <p>The threshold is {@code pg_trgm.similarity_threshold}, 0.3 unless set; a trigram index on
     * {@code a} can serve the predicate.
     *
     * @param cb the criteria builder of the query
     * @param a a text, typically the indexed column
     * @param b the text to compare it with
     * @return the predicate
     */
    public static Predicate trgmMatch(
            CriteriaBuilder cb, Expression<String> a, Expression<String> b) {
        return cb.isTrue(cb.function(PgFunctions.TRGM_MATCH, Boolean.class, a, b));
    }

    /**
     * Returns {@code similarity(a, b)}, the share of trigrams the two texts have in common.
     *
     * @param cb the criteria builder of the query
     * @param a a text
     * @param b the other text
     * @return the similarity, from 0 (no trigram in common) to 1 (the same trigrams)
     */
    public static Expression<Double> similarity(
            CriteriaBuilder cb, Expression<String> a, Expression<String> b) {
        return cb.function(PgFunctions.SIMILARITY, Double.class, a, b);
    }
}
