package dev.pgorm.bulk;

/**
 * A bulk insert failed on one row; nothing of the call is in the database any more once the
 * transaction is rolled back (PostgreSQL aborts it).
 *
 * @since 0.1
 */
public final class PgBulkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The failing entity's position in the input, counting from 0, or -1 when unknown. */
    private final long row;

    /** The failing column, or null when unknown. */
    private final String column;

    /**
     * Creates the exception.
     *
     * @param row the failing entity's position in the input, counting from 0, or -1 when unknown
     * @param column the failing column, or null when unknown
     * @param message what went wrong
     * @param cause the underlying exception
     */
    public PgBulkException(long row, String column, String message, Throwable cause) {
        super(message, cause);
        this.row = row;
        this.column = column;
    }

    /**
     * Returns the failing entity's position in the input, counting from 0, or -1.
     *
     * @return the index of the failing entity in the collection passed in, or -1 when unknown
     */
    public long row() {
        return row;
    }

    /**
     * Returns the failing column, or null.
     *
     * @return the column's name, or null when unknown
     */
    public String column() {
        return column;
    }
}
