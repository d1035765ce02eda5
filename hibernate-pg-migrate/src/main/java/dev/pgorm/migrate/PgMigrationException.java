package dev.pgorm.migrate;

/**
 * Thrown when a migration cannot be planned: a hazard was not allowed, an object is not supported
 * yet, the plan failed its own verification, or a temporary database could not be made.
 *
 * @since 0.1
 */
public class PgMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message that says what to do.
     *
     * @param message the message
     */
    public PgMigrationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the failure that caused it.
     *
     * @param message the message
     * @param cause the cause
     */
    public PgMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
