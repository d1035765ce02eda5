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

    /** Returns {@code to_tsvector(config, text)}. */
    public static Expression<PgTsVector> toTsvector(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(PgFunctions.TO_TSVECTOR, PgTsVector.class, cb.literal(config), text);
    }

    /**
     * Returns {@code websearch_to_tsquery(config, text)}: search-engine syntax, safe for user
     * input.
     */
    public static Expression<PgTsQuery> websearchToTsquery(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(
                PgFunctions.WEBSEARCH_TO_TSQUERY, PgTsQuery.class, cb.literal(config), text);
    }

    /** Returns {@code plainto_tsquery(config, text)}. */
    public static Expression<PgTsQuery> plaintoTsquery(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(PgFunctions.PLAINTO_TSQUERY, PgTsQuery.class, cb.literal(config), text);
    }

    /** Returns {@code phraseto_tsquery(config, text)}. */
    public static Expression<PgTsQuery> phrasetoTsquery(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(PgFunctions.PHRASETO_TSQUERY, PgTsQuery.class, cb.literal(config), text);
    }

    /** Returns {@code to_tsquery(config, text)}. */
    public static Expression<PgTsQuery> toTsquery(
            CriteriaBuilder cb, String config, Expression<String> text) {
        return cb.function(PgFunctions.TO_TSQUERY, PgTsQuery.class, cb.literal(config), text);
    }

    /** Returns the predicate {@code vector @@ query}. */
    public static Predicate tsMatch(CriteriaBuilder cb, Expression<?> vector, Expression<?> query) {
        return cb.isTrue(cb.function(PgFunctions.TS_MATCH, Boolean.class, vector, query));
    }

    /** Returns {@code ts_rank(vector, query)}. */
    public static Expression<Double> tsRank(
            CriteriaBuilder cb, Expression<?> vector, Expression<?> query) {
        return cb.function(PgFunctions.TS_RANK, Double.class, vector, query);
    }

    /** Returns {@code ts_rank_cd(vector, query)}. */
    public static Expression<Double> tsRankCd(
            CriteriaBuilder cb, Expression<?> vector, Expression<?> query) {
        return cb.function(PgFunctions.TS_RANK_CD, Double.class, vector, query);
    }

    /** Returns {@code ts_headline(config, document, query, options)}; options may be empty. */
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

    /** Returns the predicate {@code doc @> value}. */
    public static Predicate jsonbContains(
            CriteriaBuilder cb, Expression<?> doc, Expression<?> value) {
        return cb.isTrue(cb.function(PgFunctions.JSONB_CONTAINS, Boolean.class, doc, value));
    }

    /** Returns the predicate {@code doc ? key}. */
    public static Predicate jsonbHasKey(
            CriteriaBuilder cb, Expression<?> doc, Expression<String> key) {
        return cb.isTrue(cb.function(PgFunctions.JSONB_HAS_KEY, Boolean.class, doc, key));
    }

    /** Returns {@code doc ->> key}. */
    public static Expression<String> jsonbGetText(
            CriteriaBuilder cb, Expression<?> doc, String key) {
        return cb.function(PgFunctions.JSONB_GET_TEXT, String.class, doc, cb.literal(key));
    }

    /** Returns the predicate {@code range @> value}; value may be an element or a range. */
    public static Predicate rangeContains(
            CriteriaBuilder cb, Expression<?> range, Expression<?> value) {
        return cb.isTrue(cb.function(PgFunctions.RANGE_CONTAINS, Boolean.class, range, value));
    }

    /** Returns the predicate {@code a && b}. */
    public static Predicate rangeOverlaps(CriteriaBuilder cb, Expression<?> a, Expression<?> b) {
        return cb.isTrue(cb.function(PgFunctions.RANGE_OVERLAPS, Boolean.class, a, b));
    }

    /** Returns the predicate {@code a <@ b}. */
    public static Predicate rangeContainedBy(CriteriaBuilder cb, Expression<?> a, Expression<?> b) {
        return cb.isTrue(cb.function(PgFunctions.RANGE_CONTAINED_BY, Boolean.class, a, b));
    }

    /** Returns the predicate {@code a % b} (trigram similarity above the threshold). */
    public static Predicate trgmMatch(
            CriteriaBuilder cb, Expression<String> a, Expression<String> b) {
        return cb.isTrue(cb.function(PgFunctions.TRGM_MATCH, Boolean.class, a, b));
    }

    /** Returns {@code similarity(a, b)}. */
    public static Expression<Double> similarity(
            CriteriaBuilder cb, Expression<String> a, Expression<String> b) {
        return cb.function(PgFunctions.SIMILARITY, Double.class, a, b);
    }
}
