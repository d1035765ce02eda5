package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgBulkException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.postgresql.util.PSQLException;

/** Batched INSERTs: {@link BulkInserter}'s way for few rows, and where COPY cannot be used. */
final class BatchedInserts {

    private static final int BATCH_SIZE = 50;

    private BatchedInserts() {}

    /** Inserts the entities of {@code head}, then of {@code rest}; returns the rows written. */
    static long insert(
            String operation,
            BulkTable table,
            String target,
            boolean overriding,
            ArrayDeque<Object> head,
            Iterator<?> rest,
            SharedSessionContractImplementor session,
            Connection connection)
            throws SQLException {
        StringBuilder values = new StringBuilder();
        for (BulkTable.Column c : table.columns()) {
            values.append(values.length() == 0 ? "" : ", ").append(c.writeExpression());
        }
        BulkIdentifiers identifiers = table.identifiers();
        String sql =
                "insert into "
                        + target
                        + " ("
                        + BulkInserter.columnList(table)
                        + ")"
                        // explicit ids into a GENERATED ALWAYS identity column
                        + (overriding ? " overriding system value" : "")
                        + " values ("
                        + values
                        + ")";
        List<BulkTable.Column> columns = table.boundColumns();
        long done = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            List<Object> batch = new ArrayList<>(BATCH_SIZE);
            long batchStart = 0;
            while (!head.isEmpty() || rest.hasNext()) {
                batch.clear();
                while (batch.size() < BATCH_SIZE && (!head.isEmpty() || rest.hasNext())) {
                    Object entity = !head.isEmpty() ? head.poll() : rest.next();
                    BulkInserter.checkClass(operation, table, entity, batchStart + batch.size());
                    batch.add(entity);
                }
                if (identifiers.databaseAssigned()) {
                    // one query reserves the batch's ids from the column's sequence
                    identifiers.assignIdentifiers(batch, session, connection);
                }
                for (int k = 0; k < batch.size(); k++) {
                    Object entity = batch.get(k);
                    long current = batchStart + k;
                    identifiers.assignIdentifier(entity, session);
                    table.prepare(entity, session);
                    table.row(
                            entity,
                            session,
                            (column, value, mapping) -> {
                                try {
                                    if (value instanceof String s && s.indexOf('\0') >= 0) {
                                        throw new CopyText.NulCharacterException();
                                    }
                                    CopyValues.binder(mapping).bind(ps, value, column + 1, session);
                                } catch (SQLException | IllegalArgumentException e) {
                                    throw BulkInserter.valueFailure(
                                            current, columns.get(column), e);
                                }
                            });
                    ps.addBatch();
                }
                done += execute(operation, table, ps, batchStart);
                batchStart += batch.size();
            }
        }
        return done;
    }

    /** Runs one batch; a failure names the row of the input it happened at. */
    private static long execute(
            String operation, BulkTable table, PreparedStatement ps, long batchStart)
            throws SQLException {
        long done = 0;
        try {
            for (int count : ps.executeBatch()) {
                done += count == Statement.SUCCESS_NO_INFO ? 1 : count;
            }
            return done;
        } catch (BatchUpdateException e) {
            int[] counts = e.getUpdateCounts();
            long failed = batchStart;
            for (int k = 0;
                    counts != null && k < counts.length && counts[k] != Statement.EXECUTE_FAILED;
                    k++) {
                failed++;
            }
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            String column =
                    cause instanceof PSQLException p && p.getServerErrorMessage() != null
                            ? p.getServerErrorMessage().getColumn()
                            : null;
            throw new PgBulkException(
                    failed,
                    column,
                    operation
                            + " into "
                            + table.table()
                            + " failed at row "
                            + failed
                            + (column == null ? "" : ", column " + column)
                            + ": "
                            + cause.getMessage()
                            + BulkCall.transactionAfterFailure(ps.getConnection()),
                    e);
        }
    }
}
