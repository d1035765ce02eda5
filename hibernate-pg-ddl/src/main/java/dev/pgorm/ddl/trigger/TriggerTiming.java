package dev.pgorm.ddl.trigger;

/**
 * When a {@link PgTrigger} fires.
 *
 * @since 0.1
 */
public enum TriggerTiming {
    /** Before the operation; a row trigger can change or skip the row. */
    BEFORE,
    /** After the operation. */
    AFTER,
    /** Instead of the operation; only on views, so not on entity tables. */
    INSTEAD_OF
}
