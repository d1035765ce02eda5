package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgCopyFormat;
import java.sql.SQLException;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.postgresql.copy.CopyIn;

/**
 * The rows of one COPY command in one format ({@link TextRows}, {@link BinaryRows}), buffered and
 * sent in blocks of about {@value #FLUSH_BYTES} bytes.
 */
interface CopyRows {

    int FLUSH_BYTES = 256 * 1024;

    /** The format, for the observer. */
    PgCopyFormat format();

    /** The options of the COPY statement, such as {@code (format binary)}; empty for text. */
    String copyOptions();

    /** Starts a COPY command (binary COPY's header). */
    void begin();

    /** Starts a row. */
    void beginRow();

    /**
     * Adds a row's value.
     *
     * @throws IllegalArgumentException when the value cannot be written in this format
     */
    void value(int column, Object value, JdbcMapping mapping) throws SQLException;

    /** Ends a row, and sends the buffered rows when they fill a block. */
    void endRow(CopyIn copy) throws SQLException;

    /** Ends the command (binary COPY's trailer) and sends what is left. */
    void end(CopyIn copy) throws SQLException;
}
