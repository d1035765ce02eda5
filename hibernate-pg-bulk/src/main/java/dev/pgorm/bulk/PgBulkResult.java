package dev.pgorm.bulk;

/**
 * The rows a bulk write changed: {@link PgBulk#upsert} counts inserted and updated rows, and the
 * rows it left as they were (a {@code DO NOTHING} conflict, or a stale version).
 *
 * @param inserted the rows inserted
 * @param updated the existing rows updated
 * @param skipped the entities whose row was left unchanged
 * @since 0.1
 */
public record PgBulkResult(long inserted, long updated, long skipped) {

    /**
     * Checks the counts.
     *
     * @param inserted the rows inserted
     * @param updated the existing rows updated
     * @param skipped the entities whose row was left unchanged
     * @throws IllegalArgumentException when a count is negative
     */
    public PgBulkResult {
        if (inserted < 0 || updated < 0 || skipped < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
