package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * The sequence behind an IDENTITY or serial identifier column: COPY cannot return the ids the
 * database assigns, so bulk inserts reserve them from that sequence and write them explicitly.
 *
 * @param name the sequence as PostgreSQL names it (quoted and qualified as needed), or null when
 *     the column has none
 * @param always whether the column is {@code GENERATED ALWAYS AS IDENTITY}, so that an INSERT with
 *     explicit values needs {@code OVERRIDING SYSTEM VALUE} (COPY accepts them as they are)
 */
record IdentitySequence(String name, boolean always) {

    /**
     * The column's sequence (owned by the column: identity, serial, or {@code OWNED BY}) and its
     * kind of identity ('a' ALWAYS, 'd' BY DEFAULT, '' none, as for serial).
     */
    private static final String FIND =
            """
            select pg_get_serial_sequence(?, ?), a.attidentity
            from pg_attribute a
            where a.attrelid = ?::regclass and a.attname = ? and a.attnum > 0
              and not a.attisdropped""";

    /**
     * Looks the sequence up; asked once per call, not cached, since a table can change.
     *
     * @param table the table as Hibernate writes it in SQL, possibly qualified and quoted
     * @param column the identifier column as Hibernate writes it in SQL
     */
    static IdentitySequence find(Connection connection, String table, String column)
            throws SQLException {
        // pg_get_serial_sequence parses the table as SQL (so each part is quoted exactly) but
        // takes the column as its stored name.
        String quotedTable =
                PgIdentifiers.normalizeQualified(table).stream()
                        .map(PgIdentifiers::quote)
                        .collect(Collectors.joining("."));
        String storedColumn = PgIdentifiers.normalize(column);
        return PgCatalog.on(connection)
                .optional(
                        FIND,
                        row -> new IdentitySequence(row.getString(1), "a".equals(row.getString(2))),
                        quotedTable,
                        storedColumn,
                        quotedTable,
                        storedColumn)
                .orElse(new IdentitySequence(null, false));
    }
}
