package dev.pgorm.types;

import dev.pgorm.types.internal.RangeElement;
import dev.pgorm.types.internal.RangeLiteral;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An immutable PostgreSQL multirange (PostgreSQL 14+): a set of non-overlapping ranges of one
 * element type, mapped to {@code int4multirange}, {@code datemultirange} ... from the declared type
 * argument, like {@link PgRange}.
 *
 * <p>Values are canonical as PostgreSQL keeps them: empty ranges are dropped and overlapping or
 * adjacent ranges merged, in ascending order, so a multirange read back equals the one written.
 *
 * @param <T> the element type
 * @since 0.1
 */
public final class PgMultirange<T extends Comparable<? super T>> implements Serializable {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("rawtypes")
    private static final PgMultirange EMPTY = new PgMultirange<>(List.of());

    /** The ranges in canonical form: ascending, non-empty, neither overlapping nor adjacent. */
    // Serializable in practice: List.of or an unmodifiable ArrayList (JDK 21+ lint asks).
    @SuppressWarnings("serial")
    private final List<PgRange<T>> ranges;

    private PgMultirange(List<PgRange<T>> ranges) {
        this.ranges = ranges;
    }

    /**
     * Returns the multirange that contains no value, {@code {}}.
     *
     * @param <T> the element type
     * @return the shared empty multirange
     */
    @SuppressWarnings("unchecked")
    public static <T extends Comparable<? super T>> PgMultirange<T> empty() {
        return EMPTY;
    }

    /**
     * Returns the union of the given ranges, in canonical form.
     *
     * @param ranges ranges of one element type, in any order, none null; empty ranges are dropped
     * @param <T> the element type
     * @return the multirange; {@link #empty()} when no range has a value
     */
    @SafeVarargs
    public static <T extends Comparable<? super T>> PgMultirange<T> of(PgRange<T>... ranges) {
        List<PgRange<T>> list = new ArrayList<>(ranges.length);
        for (PgRange<T> range : ranges) {
            list.add(range);
        }
        return of(list);
    }

    /**
     * Returns the union of the given ranges, in canonical form.
     *
     * @param ranges ranges of one element type, in any order, none null; empty ranges are dropped
     * @param <T> the element type
     * @return the multirange; {@link #empty()} when no range has a value
     */
    public static <T extends Comparable<? super T>> PgMultirange<T> of(List<PgRange<T>> ranges) {
        List<PgRange<T>> sorted = new ArrayList<>();
        for (PgRange<T> range : ranges) {
            if (!Objects.requireNonNull(range, "range").isEmpty()) {
                sorted.add(range);
            }
        }
        if (sorted.isEmpty()) {
            return empty();
        }
        // equal lower bounds: the inclusive one first, since a merge keeps the first one's bound
        sorted.sort(
                Comparator.comparing(
                                PgRange<T>::lower,
                                Comparator.nullsFirst(Comparator.<T>naturalOrder()))
                        .thenComparing(PgRange::isLowerInclusive, Comparator.reverseOrder()));
        List<PgRange<T>> merged = new ArrayList<>();
        PgRange<T> current = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            PgRange<T> next = sorted.get(i);
            if (touches(current, next)) {
                current = union(current, next);
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return new PgMultirange<>(Collections.unmodifiableList(merged));
    }

    private static <T extends Comparable<? super T>> boolean touches(PgRange<T> a, PgRange<T> b) {
        if (a.upper() == null || b.lower() == null) {
            return true;
        }
        int cmp = a.upper().compareTo(b.lower());
        return cmp > 0 || (cmp == 0 && (a.isUpperInclusive() || b.isLowerInclusive()));
    }

    private static <T extends Comparable<? super T>> PgRange<T> union(PgRange<T> a, PgRange<T> b) {
        T upper;
        boolean upperInclusive;
        if (a.upper() == null || b.upper() == null) {
            upper = null;
            upperInclusive = false;
        } else {
            int cmp = a.upper().compareTo(b.upper());
            upper = cmp >= 0 ? a.upper() : b.upper();
            upperInclusive =
                    cmp > 0
                            ? a.isUpperInclusive()
                            : cmp < 0
                                    ? b.isUpperInclusive()
                                    : a.isUpperInclusive() || b.isUpperInclusive();
        }
        return PgRange.of(a.lower(), a.isLowerInclusive(), upper, upperInclusive);
    }

    /**
     * Reads a multirange in PostgreSQL's literal syntax, for example {@code {[1,3), [5,7)}} or
     * {@code {}}.
     *
     * @param literal the literal, braces included
     * @param elementType the element class, for example {@code Integer.class}
     * @param <T> the element type
     * @return the multirange in canonical form
     * @throws IllegalArgumentException naming the literal when it is malformed
     */
    public static <T extends Comparable<? super T>> PgMultirange<T> parse(
            String literal, Class<T> elementType) {
        Objects.requireNonNull(literal, "literal");
        RangeElement<T> element = RangeElement.of(elementType);
        List<PgRange<T>> ranges = new ArrayList<>();
        for (String range : RangeLiteral.splitMultirange(literal)) {
            ranges.add(PgRange.parse(range, element));
        }
        return of(ranges);
    }

    /**
     * Returns the ranges, ascending, non-empty, neither overlapping nor adjacent.
     *
     * @return an unmodifiable list, empty for {@link #empty()}
     */
    public List<PgRange<T>> ranges() {
        return ranges;
    }

    /**
     * Returns the element class, or null when no range has a bound.
     *
     * @return the class of the bounds, or null for {@link #empty()} and for {@code {(,)}}
     */
    public Class<T> elementType() {
        for (PgRange<T> range : ranges) {
            if (range.elementType() != null) {
                return range.elementType();
            }
        }
        return null;
    }

    /**
     * Returns whether the multirange contains no value.
     *
     * @return true when it has no range
     */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * Returns whether one of the ranges contains {@code value}.
     *
     * @param value a value of the element type, not null
     * @return true when a range contains it, as PostgreSQL's {@code @>} decides
     */
    public boolean contains(T value) {
        for (PgRange<T> range : ranges) {
            if (range.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the multirange in PostgreSQL's literal syntax, as PostgreSQL prints it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ranges.get(i));
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgMultirange<?> other && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }
}
