package dev.pgorm.ddl.partition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the entity's table a partitioned table ({@code CREATE TABLE ... PARTITION BY ...}).
 *
 * <pre>{@code
 * @Partitioned(strategy = PartitionStrategy.RANGE, key = "createdAt")
 * @Partition(name = "event_2026", from = "2026-01-01", to = "2027-01-01")
 * @Partition(name = "event_default", isDefault = true)
 * @Entity @IdClass(EventId.class) class Event { @Id Long id; @Id LocalDate createdAt; ... }
 * }</pre>
 *
 * <p>PostgreSQL requires the primary key and every unique index to contain the partition key, so
 * the identifier must include it (an {@code @IdClass} or {@code @EmbeddedId}); boot fails with that
 * fix otherwise. Without {@link #key()}, the attributes marked with Hibernate's
 * {@code @PartitionKey} are the key. Indexes and row triggers declared on the entity reach every
 * partition; so do its row-level security policies, also on partitions created later by {@link
 * PgPartitions}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Partitioned {

    /**
     * Returns the partitioning strategy.
     *
     * @return RANGE, LIST or HASH, as in {@code PARTITION BY ...}
     */
    PartitionStrategy strategy();

    /**
     * Returns the key columns, by attribute or column name; empty means the attributes annotated
     * with {@code @org.hibernate.annotations.PartitionKey}.
     *
     * @return the key columns, such as {@code {"createdAt"}}, each part of the identifier
     */
    String[] key() default {};
}
