package dev.pgorm.ddl.rls;

/**
 * The commands a {@link Policy} applies to.
 *
 * @since 0.1
 */
public enum PolicyCommand {
    /** Every command. */
    ALL,
    /** Reading rows. */
    SELECT,
    /** Adding rows: only {@code withCheck} applies. */
    INSERT,
    /** Changing rows: {@code using} picks the rows, {@code withCheck} checks the new versions. */
    UPDATE,
    /** Deleting rows: only {@code using} applies. */
    DELETE
}
