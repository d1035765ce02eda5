package dev.pgorm.ddl.rls;

/**
 * How a {@link Policy} combines with the others on the same table.
 *
 * @since 0.1
 */
public enum PolicyType {
    /** A row is allowed when any permissive policy allows it (the default). */
    PERMISSIVE,
    /** A row must also pass every restrictive policy. */
    RESTRICTIVE
}
