package dev.pgorm.ddl.trigger;

/**
 * The operations that fire a {@link PgTrigger}.
 *
 * @since 0.1
 */
public enum TriggerEvent {
    /** Rows added. */
    INSERT,
    /** Rows changed; {@link PgTrigger#updateOf()} narrows it to some columns. */
    UPDATE,
    /** Rows removed. */
    DELETE,
    /** The table truncated; statement-level triggers only. */
    TRUNCATE
}
