package dev.pgorm.migrate;

/**
 * What a planned statement may do besides changing the schema; a plan is returned only when every
 * hazard in it was allowed with {@link PgMigrationPlanner#allow(PgMigrationHazard...)}.
 *
 * @since 0.1
 */
public enum PgMigrationHazard {
    /** The statement deletes rows or column values (a dropped table or column). */
    DELETES_DATA,
    /**
     * The statement rewrites the whole table under an ACCESS EXCLUSIVE lock (most type changes).
     */
    TABLE_REWRITE,
    /**
     * The statement holds an ACCESS EXCLUSIVE lock, which blocks every read and write of the table,
     * for longer than a catalog update: a table rewrite, or a dropped table's files being removed.
     */
    ACCESS_EXCLUSIVE_LOCK,
    /** The statement builds an index concurrently: it takes time and load, and may fail. */
    INDEX_BUILD,
    /** The statement drops an index that queries may rely on. */
    INDEX_DROPPED,
    /** A dropped and an added column of the same type may have been meant as a rename. */
    POSSIBLE_RENAME,
    /** The statement scans the table to validate a constraint, and fails if a row violates it. */
    VALIDATES_DATA,
    /** Other objects depend on the object that the statement changes or drops. */
    HAS_DEPENDENTS
}
