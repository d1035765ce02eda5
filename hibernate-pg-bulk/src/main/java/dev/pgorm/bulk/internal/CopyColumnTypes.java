package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The types of a table's columns as the catalog has them ({@code pg_attribute.atttypid}, a domain
 * as its base type), with the element type of arrays and the subtype of ranges, and the session's
 * time zone: what binary COPY needs to choose an encoder for each column.
 */
final class CopyColumnTypes {

    /**
     * A type: its OID, name, kind ({@code pg_type.typtype}: {@code b}ase, {@code e}num, {@code
     * r}ange ...) and, for a range, its subtype's OID (else 0).
     */
    record PgType(int oid, String name, char kind, int rangeSubtype) {}

    /** A column's type, and its element type when it is an array (else null). */
    record ColumnType(PgType type, PgType element) {}

    private static final String COLUMNS =
            """
            select a.attname, t.oid, t.typname, t.typtype, coalesce(r.rngsubtype, 0),
                   e.oid, e.typname, e.typtype, coalesce(er.rngsubtype, 0),
                   current_setting('TimeZone')
              from pg_attribute a
              join pg_type d on d.oid = a.atttypid
              join pg_type t on t.oid = case when d.typtype = 'd' then d.typbasetype else d.oid end
              left join pg_range r on r.rngtypid = t.oid
              left join pg_type e on e.oid = t.typelem and t.typcategory = 'A' and t.typlen = -1
              left join pg_range er on er.rngtypid = e.oid
             where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped""";

    private final Map<String, ColumnType> byColumn;
    private final String timeZone;

    private CopyColumnTypes(Map<String, ColumnType> byColumn, String timeZone) {
        this.byColumn = byColumn;
        this.timeZone = timeZone;
    }

    /** Reads the column types of {@code table} (a name as Hibernate writes it in SQL). */
    static CopyColumnTypes read(Connection connection, String table) throws SQLException {
        String quoted =
                PgIdentifiers.normalizeQualified(table).stream()
                        .map(PgIdentifiers::quote)
                        .collect(Collectors.joining("."));
        List<Row> rows =
                PgCatalog.on(connection)
                        .list(
                                COLUMNS,
                                row -> new Row(row.getString(1), column(row), row.getString(10)),
                                quoted);
        Map<String, ColumnType> types = new HashMap<>();
        for (Row row : rows) {
            types.put(row.column(), row.type());
        }
        return new CopyColumnTypes(types, rows.isEmpty() ? null : rows.get(0).timeZone());
    }

    private record Row(String column, ColumnType type, String timeZone) {}

    private static ColumnType column(ResultSet row) throws SQLException {
        PgType type =
                new PgType(
                        row.getInt(2), row.getString(3), row.getString(4).charAt(0), row.getInt(5));
        PgType element =
                row.getString(7) == null
                        ? null
                        : new PgType(
                                row.getInt(6),
                                row.getString(7),
                                row.getString(8).charAt(0),
                                row.getInt(9));
        return new ColumnType(type, element);
    }

    /**
     * The type of a column, named as Hibernate writes it; null when the table has no such column.
     */
    ColumnType of(String column) {
        return byColumn.get(PgIdentifiers.normalize(column));
    }

    /** The session's {@code TimeZone} setting. */
    String timeZone() {
        return timeZone;
    }
}
