package dev.pgorm.ddl.partition.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One existing range partition as exact points in time, for the overlap arithmetic of {@code
 * ensureRange} and {@code detachOlderThan}.
 *
 * @param name the partition's table name
 * @param from its inclusive lower bound, null for {@code MINVALUE}
 * @param to its exclusive upper bound, null for {@code MAXVALUE}
 */
record PartitionRange(String name, Instant from, Instant to) {

    /** Returns whether this partition shares a point with {@code [lower, upper)}. */
    boolean overlaps(Instant lower, Instant upper) {
        return (from == null || from.isBefore(upper)) && (to == null || lower.isBefore(to));
    }

    /** Returns whether {@code [lower, upper)} lies wholly inside this partition. */
    boolean covers(Instant lower, Instant upper) {
        return (from == null || !from.isAfter(lower)) && (to == null || !upper.isAfter(to));
    }

    /** Returns whether every row of this partition lies before {@code limit}. */
    boolean endsBy(Instant limit) {
        return to != null && !to.isAfter(limit);
    }

    /**
     * Returns the first of {@code existing} that overlaps {@code [lower, upper)} without containing
     * it: a new partition there would collide with it.
     */
    static Optional<PartitionRange> conflict(
            List<PartitionRange> existing, Instant lower, Instant upper) {
        return existing.stream()
                .filter(e -> e.overlaps(lower, upper) && !e.covers(lower, upper))
                .findFirst();
    }

    /** Returns whether a partition of {@code existing} already holds {@code [lower, upper)}. */
    static boolean taken(List<PartitionRange> existing, Instant lower, Instant upper) {
        return existing.stream().anyMatch(e -> e.overlaps(lower, upper));
    }
}
