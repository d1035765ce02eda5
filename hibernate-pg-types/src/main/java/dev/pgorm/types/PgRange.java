package dev.pgorm.types;

// Longer than 300 lines: a public value type whose factories, accessors and canonical form are
// documented one by one; parsing and element rules live in internal.RangeLiteral and RangeElement.

import dev.pgorm.types.internal.RangeElement;
import dev.pgorm.types.internal.RangeLiteral;
import java.io.Serializable;
import java.util.Objects;

/**
 * An immutable PostgreSQL range of {@code Integer} (int4range), {@code Long} (int8range), {@code
 * BigDecimal} (numrange), {@code LocalDate} (daterange), {@code LocalDateTime} (tsrange), {@code
 * OffsetDateTime} or {@code Instant} (tstzrange).
 *
 * <p>An entity attribute declared as {@code PgRange<LocalDate>} is mapped to a {@code daterange}
 * column without any annotation. Values are kept in PostgreSQL's canonical form, so a range read
 * back equals the range written: discrete ranges become {@code [lower, upper)} ({@code [1,10]} is
 * {@code [1,11)}), unbounded sides are exclusive, a range with no values is {@link #empty()}, and
 * {@code tstzrange} bounds are held in UTC. Dates and timestamps use {@code MIN}/{@code MAX} for
 * PostgreSQL's {@code -infinity}/{@code infinity}, which are values, unlike an unbounded side.
 *
 * @param <T> the element type
 * @since 0.1
 */
public final class PgRange<T extends Comparable<? super T>> implements Serializable {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("rawtypes")
    private static final PgRange EMPTY = new PgRange<>(null, null, null, false, false, true);

    @SuppressWarnings("rawtypes")
    private static final PgRange ALL = new PgRange<>(null, null, null, false, false, false);

    private final transient RangeElement<T> element;

    /** The lower bound in canonical form, or null when unbounded below or empty. */
    // Serializable in practice: every element type PG-ORM maps is; T only promises Comparable.
    @SuppressWarnings("serial")
    private final T lower;

    /** The upper bound in canonical form, or null when unbounded above or empty. */
    // Serializable in practice: every element type PG-ORM maps is; T only promises Comparable.
    @SuppressWarnings("serial")
    private final T upper;

    /** Whether the lower bound belongs to the range; false when unbounded below. */
    private final boolean lowerInclusive;

    /** Whether the upper bound belongs to the range; false when unbounded above. */
    private final boolean upperInclusive;

    /** Whether this is the empty range, which has no bounds. */
    private final boolean empty;

    private PgRange(
            RangeElement<T> element,
            T lower,
            T upper,
            boolean lowerInclusive,
            boolean upperInclusive,
            boolean empty) {
        this.element = element;
        this.lower = lower;
        this.upper = upper;
        this.lowerInclusive = lowerInclusive;
        this.upperInclusive = upperInclusive;
        this.empty = empty;
    }

    /**
     * Returns the range with the given bounds, in canonical form.
     *
     * @param lower the lower bound, or null for unbounded
     * @param lowerInclusive whether the lower bound belongs to the range
     * @param upper the upper bound, or null for unbounded
     * @param upperInclusive whether the upper bound belongs to the range
     * @param <T> the element type
     * @return the range; {@link #all()} when both bounds are null, {@link #empty()} when no value
     *     lies between the bounds
     * @throws IllegalArgumentException when lower is above upper, the element type is not
     *     supported, or an integer bound overflows in canonical form
     */
    public static <T extends Comparable<? super T>> PgRange<T> of(
            T lower, boolean lowerInclusive, T upper, boolean upperInclusive) {
        Object sample = lower != null ? lower : upper;
        if (sample == null) {
            return all();
        }
        RangeElement<T> element = RangeElement.of(sample.getClass());
        return create(element, lower, lowerInclusive, upper, upperInclusive);
    }

    /**
     * Returns {@code [lower, upper)}: every value from {@code lower} up to but excluding {@code
     * upper}.
     *
     * @param lower the lower bound, not null
     * @param upper the upper bound, not null
     * @param <T> the element type
     * @return the range in canonical form; {@link #empty()} when no value lies between the bounds
     * @throws IllegalArgumentException when lower is above upper, the element type is not
     *     supported, or an integer bound overflows in canonical form
     */
    public static <T extends Comparable<? super T>> PgRange<T> closedOpen(T lower, T upper) {
        return of(
                Objects.requireNonNull(lower, "lower"),
                true,
                Objects.requireNonNull(upper, "upper"),
                false);
    }

    /**
     * Returns {@code [lower, upper]}: every value from {@code lower} up to and including {@code
     * upper}.
     *
     * @param lower the lower bound, not null
     * @param upper the upper bound, not null
     * @param <T> the element type
     * @return the range in canonical form; {@link #empty()} when no value lies between the bounds
     * @throws IllegalArgumentException when lower is above upper, the element type is not
     *     supported, or an integer bound overflows in canonical form
     */
    public static <T extends Comparable<? super T>> PgRange<T> closed(T lower, T upper) {
        return of(
                Objects.requireNonNull(lower, "lower"),
                true,
                Objects.requireNonNull(upper, "upper"),
                true);
    }

    /**
     * Returns {@code (lower, upper)}: every value strictly between {@code lower} and {@code upper}.
     *
     * @param lower the lower bound, not null
     * @param upper the upper bound, not null
     * @param <T> the element type
     * @return the range in canonical form; {@link #empty()} when no value lies between the bounds
     * @throws IllegalArgumentException when lower is above upper, the element type is not
     *     supported, or an integer bound overflows in canonical form
     */
    public static <T extends Comparable<? super T>> PgRange<T> open(T lower, T upper) {
        return of(
                Objects.requireNonNull(lower, "lower"),
                false,
                Objects.requireNonNull(upper, "upper"),
                false);
    }

    /**
     * Returns {@code (lower, upper]}: every value above {@code lower} up to and including {@code
     * upper}.
     *
     * @param lower the lower bound, not null
     * @param upper the upper bound, not null
     * @param <T> the element type
     * @return the range in canonical form; {@link #empty()} when no value lies between the bounds
     * @throws IllegalArgumentException when lower is above upper, the element type is not
     *     supported, or an integer bound overflows in canonical form
     */
    public static <T extends Comparable<? super T>> PgRange<T> openClosed(T lower, T upper) {
        return of(
                Objects.requireNonNull(lower, "lower"),
                false,
                Objects.requireNonNull(upper, "upper"),
                true);
    }

    /**
     * Returns {@code [lower,)}: every value from {@code lower} on.
     *
     * @param lower the lower bound, not null
     * @param <T> the element type
     * @return the range in canonical form
     * @throws IllegalArgumentException when the element type is not supported, or an integer bound
     *     overflows in canonical form
     */
    public static <T extends Comparable<? super T>> PgRange<T> atLeast(T lower) {
        return of(Objects.requireNonNull(lower, "lower"), true, null, false);
    }

    /**
     * Returns {@code (,upper]}: every value up to and including {@code upper}.
     *
     * @param upper the upper bound, not null
     * @param <T> the element type
     * @return the range in canonical form
     * @throws IllegalArgumentException when the element type is not supported, or an integer bound
     *     overflows in canonical form
     */
    public static <T extends Comparable<? super T>> PgRange<T> atMost(T upper) {
        return of(null, false, Objects.requireNonNull(upper, "upper"), true);
    }

    /**
     * Returns {@code (lower,)}: every value above {@code lower}.
     *
     * @param lower the lower bound, not null
     * @param <T> the element type
     * @return the range in canonical form
     * @throws IllegalArgumentException when the element type is not supported, or an integer bound
     *     overflows in canonical form
     */
    public static <T extends Comparable<? super T>> PgRange<T> greaterThan(T lower) {
        return of(Objects.requireNonNull(lower, "lower"), false, null, false);
    }

    /**
     * Returns {@code (,upper)}: every value below {@code upper}.
     *
     * @param upper the upper bound, not null
     * @param <T> the element type
     * @return the range in canonical form
     * @throws IllegalArgumentException when the element type is not supported, or an integer bound
     *     overflows in canonical form
     */
    public static <T extends Comparable<? super T>> PgRange<T> lessThan(T upper) {
        return of(null, false, Objects.requireNonNull(upper, "upper"), false);
    }

    /**
     * Returns {@code (,)}: the range of every value.
     *
     * @param <T> the element type
     * @return the shared unbounded range, which has no element type
     */
    @SuppressWarnings("unchecked")
    public static <T extends Comparable<? super T>> PgRange<T> all() {
        return ALL;
    }

    /**
     * Returns the empty range, which contains no value.
     *
     * @param <T> the element type
     * @return the shared empty range, which has no element type
     */
    @SuppressWarnings("unchecked")
    public static <T extends Comparable<? super T>> PgRange<T> empty() {
        return EMPTY;
    }

    /**
     * Reads a range in PostgreSQL's literal syntax, for example {@code [2026-01-01,2027-01-01)},
     * {@code (,10]}, {@code ["2026-01-01 10:00:00+00",infinity)} or {@code empty}.
     *
     * @param literal the literal
     * @param elementType the element class, for example {@code LocalDate.class}
     * @param <T> the element type
     * @return the range in canonical form
     * @throws IllegalArgumentException naming the literal when it is malformed or its bounds are
     *     out of order
     */
    public static <T extends Comparable<? super T>> PgRange<T> parse(
            String literal, Class<T> elementType) {
        Objects.requireNonNull(literal, "literal");
        return parse(literal, RangeElement.<T>of(elementType));
    }

    static <T extends Comparable<? super T>> PgRange<T> parse(
            String literal, RangeElement<T> element) {
        if (RangeLiteral.isEmpty(literal)) {
            return empty();
        }
        RangeLiteral.Parts parts = RangeLiteral.parse(literal);
        try {
            T lower = parts.lower() == null ? null : element.parse(parts.lower());
            T upper = parts.upper() == null ? null : element.parse(parts.upper());
            return create(element, lower, parts.lowerInclusive(), upper, parts.upperInclusive());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid range literal '" + literal + "': " + e.getMessage(), e);
        }
    }

    private static <T extends Comparable<? super T>> PgRange<T> create(
            RangeElement<T> element,
            T lower,
            boolean lowerInclusive,
            T upper,
            boolean upperInclusive) {
        if (lower == null && upper == null) {
            return all();
        }
        T lo = lower == null ? null : element.canonicalValue(lower);
        T hi = upper == null ? null : element.canonicalValue(upper);
        boolean loInc = lo != null && lowerInclusive;
        boolean hiInc = hi != null && upperInclusive;
        if (lo != null && hi != null) {
            int cmp = lo.compareTo(hi);
            if (cmp > 0) {
                throw new IllegalArgumentException(
                        "range lower bound must be less than or equal to range upper bound: "
                                + format(element, lo, loInc, hi, hiInc));
            }
            if (cmp == 0 && !(loInc && hiInc)) {
                return empty();
            }
        }
        if (element.isDiscrete()) {
            try {
                if (lo != null && !loInc && element.isFinite(lo)) {
                    lo = element.next(lo);
                    loInc = true;
                }
                if (hi != null && hiInc && element.isFinite(hi)) {
                    hi = element.next(hi);
                    hiInc = false;
                }
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(
                        "range bound out of "
                                + element.rangeType()
                                + " range: "
                                + format(element, lo, loInc, hi, hiInc),
                        e);
            }
            if (lo != null && hi != null) {
                int cmp = lo.compareTo(hi);
                if (cmp > 0 || (cmp == 0 && !(loInc && hiInc))) {
                    return empty();
                }
            }
        }
        return new PgRange<>(element, lo, hi, loInc, hiInc, false);
    }

    /**
     * Returns the lower bound, or null when the range is unbounded below or empty.
     *
     * @return the lower bound in canonical form, or null
     */
    public T lower() {
        return lower;
    }

    /**
     * Returns the upper bound, or null when the range is unbounded above or empty.
     *
     * @return the upper bound in canonical form, or null
     */
    public T upper() {
        return upper;
    }

    /**
     * Returns whether the lower bound belongs to the range.
     *
     * @return true for an inclusive bound; false for an exclusive or missing bound
     */
    public boolean isLowerInclusive() {
        return lowerInclusive;
    }

    /**
     * Returns whether the upper bound belongs to the range.
     *
     * @return true for an inclusive bound; false for an exclusive or missing bound
     */
    public boolean isUpperInclusive() {
        return upperInclusive;
    }

    /**
     * Returns whether the range has no lower bound (and is not empty).
     *
     * @return true when the range extends without limit below
     */
    public boolean isLowerUnbounded() {
        return !empty && lower == null;
    }

    /**
     * Returns whether the range has no upper bound (and is not empty).
     *
     * @return true when the range extends without limit above
     */
    public boolean isUpperUnbounded() {
        return !empty && upper == null;
    }

    /**
     * Returns whether the range contains no value.
     *
     * @return true for {@link #empty()}
     */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * Returns whether the range contains {@code value}, as PostgreSQL's {@code @>} decides.
     *
     * @param value a value of the element type, not null
     * @return true when {@code value} lies within the bounds; always false for the empty range
     */
    public boolean contains(T value) {
        Objects.requireNonNull(value, "value");
        if (empty) {
            return false;
        }
        T v = element == null ? value : element.canonicalValue(value);
        if (lower != null) {
            int cmp = lower.compareTo(v);
            if (cmp > 0 || (cmp == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int cmp = v.compareTo(upper);
            return cmp < 0 || (cmp == 0 && upperInclusive);
        }
        return true;
    }

    /**
     * Returns the element class, or null for a range without bounds ({@link #empty()}, {@link
     * #all()}).
     *
     * @return the class of the bounds, or null
     */
    public Class<T> elementType() {
        return element == null ? null : element.javaType();
    }

    /** Returns the element strategy, or null for {@link #empty()} and {@link #all()}. */
    RangeElement<T> element() {
        return element;
    }

    /** Returns the range in PostgreSQL's literal syntax, as PostgreSQL prints it. */
    @Override
    public String toString() {
        return empty ? "empty" : format(element, lower, lowerInclusive, upper, upperInclusive);
    }

    private static <T extends Comparable<? super T>> String format(
            RangeElement<T> element, T lower, boolean loInc, T upper, boolean hiInc) {
        return (loInc ? "[" : "(")
                + (lower == null ? "" : RangeLiteral.quote(element.format(lower)))
                + ","
                + (upper == null ? "" : RangeLiteral.quote(element.format(upper)))
                + (hiInc ? "]" : ")");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PgRange<?> other)) {
            return false;
        }
        if (empty || other.empty) {
            return empty == other.empty;
        }
        return lowerInclusive == other.lowerInclusive
                && upperInclusive == other.upperInclusive
                && sameBound(lower, other.lower)
                && sameBound(upper, other.upper);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean sameBound(T a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        return ((Comparable) a).compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        if (empty) {
            return 0;
        }
        int h = Boolean.hashCode(lowerInclusive) * 31 + Boolean.hashCode(upperInclusive);
        h = h * 31 + (lower == null ? 0 : element.hash(lower));
        return h * 31 + (upper == null ? 0 : element.hash(upper));
    }

    /**
     * Returns the shared {@link #empty()} or {@link #all()} instance, or the range rebuilt in
     * canonical form with its element strategy, which is not serialized.
     *
     * @return the range to use in place of the deserialized one
     */
    private Object readResolve() {
        if (empty) {
            return EMPTY;
        }
        if (lower == null && upper == null) {
            return ALL;
        }
        return create(
                RangeElement.of((lower != null ? lower : upper).getClass()),
                lower,
                lowerInclusive,
                upper,
                upperInclusive);
    }
}
