package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.PgCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The temporary table upserts and updates COPY their rows into: the target's columns, types and
 * defaults ({@code LIKE ... INCLUDING DEFAULTS}, without identity or constraints besides NOT NULL),
 * dropped after the statement and at the latest on commit.
 */
final class TempTable {

    private static final AtomicLong NEXT = new AtomicLong();

    private static final String CREATE =
            """
            create temporary table %s (like %s including defaults) on commit drop""";

    private TempTable() {}

    /** Creates a temporary copy of {@code target}'s columns and returns its name. */
    static String create(Connection connection, String target) throws SQLException {
        String name = "pgorm_bulk_" + NEXT.incrementAndGet();
        PgCatalog.on(connection).execute(CREATE.formatted(name, target));
        return name;
    }

    /** Drops the table, so that several calls in one transaction do not keep their rows. */
    static void drop(Connection connection, String name) throws SQLException {
        PgCatalog.on(connection).execute("drop table if exists pg_temp." + name);
    }
}
