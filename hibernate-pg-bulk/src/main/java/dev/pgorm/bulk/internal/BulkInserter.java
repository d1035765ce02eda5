package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgBulkException;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The two ways {@link dev.pgorm.bulk.PgBulk} writes rows: COPY, and batched INSERTs for few rows.
 */
public final class BulkInserter {

    private static final Pattern KEY_DETAIL = Pattern.compile("^Key \\((.+?)\\)=\\(");
    private static final Pattern COPY_CONTEXT = Pattern.compile("line (\\d+)(?:, column ([^:]+))?");

    private BulkInserter() {}

    public static long insert(EntityManager em, Iterator<?> entities) {
        BulkCall call = BulkCall.open(em, entities, "PgBulk.insert");
        if (call == null) {
            return 0;
        }
        BulkTable table = call.table();
        Connection connection = call.connection();
        try {
            // The RLS query is also the transaction's first prepared statement before COPY: it
            // carries the settings that wrappers (PG-ORM's RLS context) attach to that one.
            boolean copy = call.copyPossible() && !RowSecurity.appliesTo(connection, table.table());
            return call.load(
                    table.table(),
                    copy,
                    !copy && table.identifiers().overridesSystemValue(connection));
        } catch (SQLException e) {
            throw new PgBulkException(
                    -1,
                    null,
                    "PgBulk.insert into " + table.table() + " failed: " + e.getMessage(),
                    e);
        }
    }

    static void checkClass(String operation, BulkTable table, Object entity, long row) {
        if (entity == null || entity.getClass() != table.entityClass()) {
            throw new PgBulkException(
                    row,
                    null,
                    "row "
                            + row
                            + " is "
                            + (entity == null ? "null" : "a " + entity.getClass().getName())
                            + ", but "
                            + operation
                            + " takes entities of one class, here "
                            + table.entityClass().getName(),
                    null);
        }
    }

    static String columnList(BulkTable table) {
        StringBuilder sb = new StringBuilder();
        for (BulkTable.Column c : table.columns()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.name());
        }
        return sb.toString();
    }

    /**
     * Rows per COPY command: identifiers are allocated before each one, while the connection is
     * free, and a stream's entities are taken (made) before it, since no code of the caller's may
     * run while COPY holds the connection (a lazy load would wait for it forever).
     */
    private static final int CHUNK = 50_000;

    /**
     * Rows per COPY command when the entities are a collection's: they exist already, so one COPY
     * writes them all (up to a million, which bounds the list of identifiers).
     */
    private static final int IN_MEMORY_CHUNK = 1_000_000;

    static long copy(
            String operation,
            BulkTable table,
            String target,
            ArrayDeque<Object> head,
            Iterator<?> rest,
            SharedSessionContractImplementor session,
            Connection connection,
            boolean inMemory)
            throws SQLException {
        int size = inMemory ? IN_MEMORY_CHUNK : CHUNK;
        CopyManager copyManager = new CopyManager(connection.unwrap(BaseConnection.class));
        CopyValues values = new CopyValues(session, connection);
        values.resolveArrayTypes(table.columns());
        CopyRows rows = CopyFormats.choose(session, connection, target, table, values);
        String sql =
                "copy " + target + " (" + columnList(table) + ") from stdin" + rows.copyOptions();
        try {
            long total = 0;
            List<Object> chunk = new ArrayList<>();
            while (true) {
                chunk.clear();
                while (chunk.size() < size && (!head.isEmpty() || rest.hasNext())) {
                    Object entity = !head.isEmpty() ? head.poll() : rest.next();
                    checkClass(operation, table, entity, total + chunk.size());
                    chunk.add(entity);
                }
                if (chunk.isEmpty()) {
                    BulkObservers.copied(
                            session.getFactory().getProperties(), operation, rows.format(), total);
                    return total;
                }
                // Identifiers come from the sequence: the connection must not be in COPY yet.
                table.identifiers().assignIdentifiers(chunk, session, connection);
                for (Object entity : chunk) {
                    table.prepare(entity, session);
                }
                total +=
                        copyChunk(
                                operation,
                                table,
                                chunk,
                                total,
                                copyManager.copyIn(sql),
                                rows,
                                session,
                                connection);
            }
        } finally {
            values.close();
        }
    }

    private static long copyChunk(
            String operation,
            BulkTable table,
            List<Object> chunk,
            long offset,
            CopyIn copy,
            CopyRows rows,
            SharedSessionContractImplementor session,
            Connection connection)
            throws SQLException {
        List<BulkTable.Column> columns = table.boundColumns();
        try {
            rows.begin();
            for (int i = 0; i < chunk.size(); i++) {
                long current = offset + i;
                try {
                    rows.beginRow();
                    table.row(
                            chunk.get(i),
                            session,
                            (column, value, mapping) -> {
                                try {
                                    rows.value(column, value, mapping);
                                } catch (IllegalArgumentException
                                        | ArithmeticException
                                        | DateTimeException
                                        | SQLException e) {
                                    throw valueFailure(current, columns.get(column), e);
                                }
                            });
                } catch (RuntimeException | Error e) {
                    // Whatever fails while a row is converted (a converter, a binder), the COPY
                    // must end here: pgjdbc keeps the connection locked while it is open, and the
                    // next statement, even the rollback, would wait for it forever.
                    cancelQuietly(copy, e);
                    throw e;
                }
                rows.endRow(copy);
            }
            rows.end(copy);
            return copy.endCopy();
        } catch (SQLException e) {
            cancelQuietly(copy, e);
            throw copyFailure(operation, table, e, offset, connection);
        }
    }

    /** The failure of one value that could not be converted or bound, naming row and column. */
    static PgBulkException valueFailure(long row, BulkTable.Column column, Exception e) {
        return new PgBulkException(
                row,
                column.name(),
                "row " + row + ", column " + column.name() + ": " + e.getMessage(),
                e);
    }

    /** Ends a COPY that is still open; a failure to do so is added to the original one. */
    private static void cancelQuietly(CopyIn copy, Throwable failure) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static PgBulkException copyFailure(
            String operation, BulkTable table, SQLException e, long offset, Connection connection) {
        long row = -1;
        String column = null;
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage m = psql.getServerErrorMessage();
            String where = m.getWhere() == null ? "" : m.getWhere();
            Matcher matcher = COPY_CONTEXT.matcher(where);
            if (matcher.find()) {
                row = offset + Long.parseLong(matcher.group(1)) - 1;
                column = matcher.group(2);
            }
            if (column == null && m.getColumn() != null) {
                column = m.getColumn();
            }
            if (column == null && m.getDetail() != null) {
                // unique and exclusion violations: "Key (code)=(x) already exists."
                Matcher key = KEY_DETAIL.matcher(m.getDetail());
                if (key.find()) {
                    column = key.group(1);
                }
            }
        }
        return new PgBulkException(
                row,
                column,
                operation
                        + " into "
                        + table.table()
                        + " failed at row "
                        + row
                        + (column == null ? "" : ", column " + column.trim())
                        + ": "
                        + e.getMessage()
                        + BulkCall.transactionAfterFailure(connection),
                e);
    }
}
