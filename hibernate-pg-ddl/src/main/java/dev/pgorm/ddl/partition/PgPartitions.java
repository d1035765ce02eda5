package dev.pgorm.ddl.partition;

import dev.pgorm.ddl.partition.internal.PartitionManager;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Run-time management of a {@link Partitioned} entity's partitions, in the entity manager's current
 * transaction: create the range partitions a period needs, list partitions with their bounds, and
 * detach (or drop) expired ones.
 *
 * <p>Partitions created here get the parent's row-level security and policies; indexes and row
 * triggers reach them through PostgreSQL itself.
 *
 * @since 0.1
 */
public final class PgPartitions {

    private PgPartitions() {}

    /**
     * Creates the missing range partitions that cover {@code [from, to)} in steps of {@code step},
     * named {@code <table>_p<yyyymmdd>} after their lower bound. Steps already covered exactly by
     * an existing partition are skipped, so calling it again is harmless; concurrent callers
     * serialize on a transaction-scoped advisory lock. The key must be a single {@code date},
     * {@code timestamp} or {@code timestamptz} column.
     *
     * @param em an entity manager with an active transaction
     * @param entity the partitioned entity class
     * @param from the first lower bound (inclusive)
     * @param to the end of the period (exclusive); the last partition may reach past it
     * @param step the size of each partition, for example {@code Period.ofMonths(1)}
     * @return the names of the partitions created by this call, in order
     * @throws IllegalStateException when a step overlaps an existing partition without matching it
     *     exactly, or rows in the default partition belong to a new partition
     */
    public static List<String> ensureRange(
            EntityManager em, Class<?> entity, LocalDate from, LocalDate to, Period step) {
        return PartitionManager.ensureRange(em, entity, from, to, step);
    }

    /**
     * Lists the partitions of a partitioned entity with their bounds, ordered by name.
     *
     * @param em an entity manager with an active transaction
     * @param entity the partitioned entity class
     * @return the partitions
     */
    public static List<PgPartitionInfo> list(EntityManager em, Class<?> entity) {
        return PartitionManager.list(em, entity);
    }

    /**
     * Detaches every range partition whose upper bound is at or before {@code cutoff}; its rows
     * stay in the detached table.
     *
     * @param em an entity manager with an active READ COMMITTED transaction
     * @param entity the partitioned entity class, RANGE-partitioned on one date, timestamp or
     *     timestamptz column
     * @param cutoff the date at or before which a partition's upper bound must lie; partitions
     *     declared with {@link Partition} and the default partition are kept
     * @return the names of the detached partitions
     */
    public static List<String> detachOlderThan(
            EntityManager em, Class<?> entity, LocalDate cutoff) {
        return PartitionManager.detachOlderThan(em, entity, cutoff, false);
    }

    /**
     * Detaches every range partition whose upper bound is at or before {@code cutoff}, and drops it
     * when {@code drop} is true (its rows are then gone).
     *
     * @param em an entity manager with an active READ COMMITTED transaction
     * @param entity the partitioned entity class, RANGE-partitioned on one date, timestamp or
     *     timestamptz column
     * @param cutoff the date at or before which a partition's upper bound must lie; partitions
     *     declared with {@link Partition} and the default partition are kept
     * @param drop whether to drop each detached table too
     * @return the names of the detached (or dropped) partitions
     */
    public static List<String> detachOlderThan(
            EntityManager em, Class<?> entity, LocalDate cutoff, boolean drop) {
        return PartitionManager.detachOlderThan(em, entity, cutoff, drop);
    }
}
