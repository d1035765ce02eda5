package dev.pgorm.ddl.internal;

/**
 * The order in which declared objects reach Hibernate, and so the order of their create statements:
 * extensions, domains and functions before the tables, the rest after them.
 */
public enum DdlOrder {
    EXTENSIONS(true),
    TYPES(true),
    FUNCTIONS(true),
    INHERITANCE(false),
    TABLE_OPTIONS(false),
    PARTITIONS(false),
    VIEWS(false),
    INDEXES(false),
    STATISTICS(false),
    CONSTRAINTS(false),
    ROW_LEVEL_SECURITY(false),
    TRIGGERS(false);

    private final boolean beforeTables;

    DdlOrder(boolean beforeTables) {
        this.beforeTables = beforeTables;
    }

    /** Returns whether objects of this kind are created before Hibernate's tables. */
    public boolean beforeTables() {
        return beforeTables;
    }
}
