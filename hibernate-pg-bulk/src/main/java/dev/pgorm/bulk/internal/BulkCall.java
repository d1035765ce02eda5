package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.EventType;
import org.hibernate.persister.entity.EntityPersister;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * What every bulk write of entities starts with: the checks, the flush, the table, the first rows,
 * and whether COPY is on; and how rows are loaded into a table (the target or a temporary one).
 *
 * @param few whether all entities fit below the COPY threshold
 * @param copyOn whether {@code pgorm.bulk.enabled} allows COPY
 * @param operation the public method, for messages ({@code PgBulk.upsert})
 * @param inMemory whether the entities are a collection's ({@link InMemoryEntities}): then one COPY
 *     writes them all
 */
record BulkCall(
        SharedSessionContractImplementor session,
        BulkTable table,
        Connection connection,
        ArrayDeque<Object> head,
        Iterator<?> rest,
        boolean few,
        boolean copyOn,
        String operation,
        boolean inMemory) {

    /** Returns the call's state, or null when there are no entities; rows are made as inserts. */
    static BulkCall open(EntityManager em, Iterator<?> entities, String operation) {
        return open(em, entities, operation, EventType.INSERT);
    }

    /**
     * Returns the call's state, or null when there are no entities; {@code event} says whose
     * in-memory generators run on the rows ({@link EventType#UPDATE} for {@code PgBulk.update}).
     */
    static BulkCall open(
            EntityManager em, Iterator<?> entities, String operation, EventType event) {
        SharedSessionContractImplementor session = session(em, operation);
        if (!entities.hasNext()) {
            return null;
        }
        em.flush();
        PgSettingsReader settings = PgSettingsReader.of(session.getFactory().getProperties());
        boolean copyOn = settings.isModuleEnabled("bulk");
        int threshold = settings.getInt(PgBulkSettings.COPY_THRESHOLD, 200);
        if (threshold < 0) {
            throw new IllegalArgumentException(
                    PgBulkSettings.COPY_THRESHOLD
                            + " is "
                            + threshold
                            + "; set it to 0 (always COPY) or a positive number of entities");
        }
        // A queue, so that written entities are not kept alive by a list of the first ones.
        ArrayDeque<Object> head = new ArrayDeque<>();
        Object first = entities.next();
        if (first == null) {
            throw new PgBulkException(
                    0,
                    null,
                    "row 0 is null, but " + operation + " takes entities of one class",
                    null);
        }
        head.add(first);
        while (head.size() < threshold && entities.hasNext()) {
            head.add(entities.next());
        }
        EntityPersister persister =
                session.getFactory().getMappingMetamodel().getEntityDescriptor(first.getClass());
        BulkTable table = new BulkTable(persister, event);
        MappingRefusals.check(persister, operation);
        boolean few = !entities.hasNext() && head.size() < threshold;
        return new BulkCall(
                session,
                table,
                connection(session),
                head,
                entities,
                few,
                copyOn,
                operation,
                entities instanceof InMemoryEntities);
    }

    /** Checks the dialect and the transaction, and returns the session. */
    static SharedSessionContractImplementor session(EntityManager em, String operation) {
        SharedSessionContractImplementor session =
                em.unwrap(SharedSessionContractImplementor.class);
        PgDialectGuard.requirePostgreSQL(session.getJdbcServices().getDialect(), operation);
        if (!session.isTransactionInProgress()) {
            throw new IllegalStateException(
                    operation
                            + " must run inside an active transaction, so that a rollback undoes it");
        }
        return session;
    }

    /** The session's own connection, in its current transaction. */
    static Connection connection(SharedSessionContractImplementor session) {
        return session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
    }

    /**
     * What a failure's message says of the transaction, as the connection reports it: aborted (roll
     * it back), or still open when pgjdbc's {@code autosave} undid the failed statement.
     */
    static String transactionAfterFailure(Connection connection) {
        try {
            if (connection.unwrap(BaseConnection.class).getTransactionState()
                    != TransactionState.FAILED) {
                return " (the transaction is not aborted: pgjdbc's autosave undid the failed"
                        + " statement; roll it back to undo the rest of the call)";
            }
        } catch (SQLException | RuntimeException e) {
            // the usual case is said
        }
        return " (the transaction is aborted: roll it back)";
    }

    /** Whether COPY can write these rows: enough of them, COPY on, plain columns only. */
    boolean copyPossible() {
        return !few && copyOn && table.copyRefusal() == null;
    }

    /**
     * Writes all rows into {@code target} (the entity's table or a temporary copy of it), by COPY
     * when {@code copy} (see {@link #copyPossible()}), otherwise by batched INSERTs; returns the
     * rows written.
     */
    long load(String target, boolean copy, boolean overriding) throws SQLException {
        if (copy) {
            return BulkInserter.copy(
                    operation, table, target, head, rest, session, connection, inMemory);
        }
        return BatchedInserts.insert(
                operation, table, target, overriding, head, rest, session, connection);
    }
}
