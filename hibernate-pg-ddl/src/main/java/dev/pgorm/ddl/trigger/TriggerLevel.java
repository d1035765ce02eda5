package dev.pgorm.ddl.trigger;

/**
 * Whether a {@link PgTrigger} fires once per row or once per statement.
 *
 * @since 0.1
 */
public enum TriggerLevel {
    /** Once for every row the statement touches. */
    ROW,
    /** Once per statement. */
    STATEMENT
}
