package dev.pgorm.bulk;

import dev.pgorm.bulk.internal.BulkInserter;
import dev.pgorm.bulk.internal.BulkObservers;
import jakarta.persistence.EntityManager;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Inserts many entities with PostgreSQL's {@code COPY}, several times faster than {@code persist}
 * with JDBC batching.
 *
 * <pre>{@code
 * long n = PgBulk.insert(em, events);   // an Iterable or a Stream
 * }</pre>
 *
 * <ul>
 *   <li>Runs on the session's own connection, inside its current transaction: a rollback undoes it.
 *       Pending changes of the session are flushed first.
 *   <li>Writes every column Hibernate would write, through Hibernate's own type mappings
 *       (converters, enums, embeddables, JSON, arrays, ranges, vectors, geometry).
 *   <li>Streams: entities are converted and sent as they come, never all held in memory.
 *   <li>Identifiers come from the entity's Hibernate generator (a sequence's pooled optimizer hands
 *       them out in blocks) and are set on the entities. IDENTITY and {@code serial} ids, which
 *       COPY cannot return, are reserved from the column's own sequence ({@code
 *       pg_get_serial_sequence}), one query per chunk, and written explicitly.
 *   <li>The entities are not managed afterwards: load them to change them in this session.
 *   <li>Version seeds and Hibernate's in-memory insert generators ({@code @TenantId},
 *       {@code @CreationTimestamp} ...) are applied as by {@code persist}; columns the database
 *       generates keep their defaults, and their values are not read back into the entities.
 *   <li>Below {@link PgBulkSettings#COPY_THRESHOLD} entities it uses batched INSERTs instead, and
 *       also where COPY cannot write the rows: a column written as an SQL expression
 *       ({@code @ColumnTransformer(write = ...)}), or a table with row-level security that applies
 *       to the current role.
 *   <li>A bad row fails the call with a {@link PgBulkException} naming the row's position and the
 *       column; PostgreSQL aborts the transaction, so none of the rows remain.
 * </ul>
 *
 * All entities of one call must be of the same class, mapped to a single table.
 *
 * @since 0.1
 */
public final class PgBulk {

    private PgBulk() {}

    /**
     * Inserts the entities.
     *
     * @param em an entity manager with an active transaction
     * @param entities entities of one class
     * @return the number of rows inserted
     */
    public static long insert(EntityManager em, Iterable<?> entities) {
        long start = System.nanoTime();
        long rows = BulkInserter.insert(em, entities.iterator());
        BulkObservers.completed(em, "insert", rows, start);
        return rows;
    }

    /**
     * Inserts the entities of a stream, consuming it.
     *
     * @param em an entity manager with an active transaction
     * @param entities entities of one class
     * @return the number of rows inserted
     */
    public static long insert(EntityManager em, Stream<?> entities) {
        long start = System.nanoTime();
        try (Stream<?> s = entities) {
            Iterator<?> iterator = s.iterator();
            long rows = BulkInserter.insert(em, iterator);
            BulkObservers.completed(em, "insert", rows, start);
            return rows;
        }
    }
}
