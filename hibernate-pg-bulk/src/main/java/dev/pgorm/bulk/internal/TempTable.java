package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The temporary table upserts and updates COPY their rows into: the columns PgBulk writes, with the
 * target's types (typmods and domains included) and their NOT NULL, and nothing else: a column it
 * does not write (an identity, a generated column, one a trigger fills) has no place in it, so
 * neither its NOT NULL nor its default applies. Dropped after the statement and at the latest on
 * commit.
 */
final class TempTable {

    private static final AtomicLong NEXT = new AtomicLong();

    private static final String CREATE =
            """
            create temporary table %s on commit drop as select %s from %s with no data""";

    /** The temporary table's columns ({@code c}) that are NOT NULL in the target ({@code t}). */
    private static final String NOT_NULL =
            """
            select c.attname from pg_attribute c
              join pg_attribute t on t.attrelid = ?::regclass and t.attname = c.attname
             where c.attrelid = ?::regclass and c.attnum > 0 and t.attnotnull
             order by c.attnum""";

    private TempTable() {}

    /**
     * Creates the temporary table of the columns {@code table} writes and returns its name; the
     * {@code nullable} columns (SQL names) do not get their NOT NULL: an update's columns it loads
     * but does not set (an insert-only column, the tenant's), an upsert's version (null for an
     * entity that carries none).
     */
    static String create(Connection connection, BulkTable table, Set<String> nullable)
            throws SQLException {
        String name = "pgorm_bulk_" + NEXT.incrementAndGet();
        PgCatalog catalog = PgCatalog.on(connection);
        catalog.execute(CREATE.formatted(name, BulkInserter.columnList(table), table.table()));
        Set<String> skipped =
                nullable.stream().map(PgIdentifiers::normalize).collect(Collectors.toSet());
        List<String> notNull =
                catalog
                        .list(NOT_NULL, row -> row.getString(1), table.table(), "pg_temp." + name)
                        .stream()
                        .filter(column -> !skipped.contains(column))
                        .map(PgIdentifiers::quote)
                        .toList();
        if (!notNull.isEmpty()) {
            StringBuilder alter = new StringBuilder("alter table pg_temp.").append(name);
            for (int i = 0; i < notNull.size(); i++) {
                alter.append(i == 0 ? " " : ", ")
                        .append("alter column ")
                        .append(notNull.get(i))
                        .append(" set not null");
            }
            catalog.execute(alter.toString());
        }
        return name;
    }

    /** Drops the table, so that several calls in one transaction do not keep their rows. */
    static void drop(Connection connection, String name) throws SQLException {
        PgCatalog.on(connection).execute("drop table if exists pg_temp." + name);
    }
}
