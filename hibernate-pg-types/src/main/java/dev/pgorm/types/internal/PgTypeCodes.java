package dev.pgorm.types.internal;

import java.util.List;

/**
 * The SQL type codes PG-ORM registers for its types: outside the range of {@code java.sql.Types}
 * and Hibernate's {@code SqlTypes}, one per PostgreSQL type, so that each gets its DDL name.
 */
public final class PgTypeCodes {

    /** Codes of ranges whose element type is unknown (a raw {@code PgRange}). */
    public static final int RANGE_UNTYPED = 6_100_000;

    /** Code of multiranges whose element type is unknown. */
    public static final int MULTIRANGE_UNTYPED = 6_100_100;

    public static final int TSVECTOR = 6_100_200;
    public static final int TSQUERY = 6_100_201;

    private static final List<RangeElement<?>> ELEMENTS =
            List.of(
                    RangeElement.INT4,
                    RangeElement.INT8,
                    RangeElement.NUMERIC,
                    RangeElement.DATE,
                    RangeElement.TIMESTAMP,
                    RangeElement.TIMESTAMPTZ,
                    RangeElement.INSTANT);

    private PgTypeCodes() {}

    /** Returns the elements that ranges support. */
    public static List<RangeElement<?>> elements() {
        return ELEMENTS;
    }

    /** Returns the code of the range type of an element. */
    public static int range(RangeElement<?> element) {
        return RANGE_UNTYPED + 1 + ELEMENTS.indexOf(element);
    }

    /** Returns the code of the multirange type of an element. */
    public static int multirange(RangeElement<?> element) {
        return MULTIRANGE_UNTYPED + 1 + ELEMENTS.indexOf(element);
    }
}
