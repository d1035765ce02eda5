package dev.pgorm.bulk;

/**
 * The formats {@link PgBulk#export} writes, those of PostgreSQL's {@code COPY ... TO STDOUT}; also
 * the format {@link PgBulkObserver#copied} reports for a call's COPY into a table.
 *
 * @since 0.1
 */
public enum PgCopyFormat {

    /** Comma-separated values with a header line naming the columns, in UTF-8. */
    CSV("(format csv, header true)"),

    /** PostgreSQL's text format: tab-separated, {@code \N} for null, no header. */
    TEXT("(format text)"),

    /** PostgreSQL's binary format, which {@code COPY ... FROM} reads back exactly. */
    BINARY("(format binary)");

    private final String options;

    PgCopyFormat(String options) {
        this.options = options;
    }

    /**
     * Returns the options of the {@code COPY} statement for this format.
     *
     * @return for example {@code (format csv, header true)}
     */
    public String copyOptions() {
        return options;
    }
}
