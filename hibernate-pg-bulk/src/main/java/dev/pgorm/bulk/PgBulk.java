package dev.pgorm.bulk;

import dev.pgorm.bulk.internal.BulkDeleter;
import dev.pgorm.bulk.internal.BulkInserter;
import dev.pgorm.bulk.internal.BulkObservers;
import dev.pgorm.bulk.internal.BulkReader;
import dev.pgorm.bulk.internal.BulkUpdater;
import dev.pgorm.bulk.internal.BulkUpserter;
import dev.pgorm.bulk.internal.InMemoryEntities;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Inserts, upserts, updates and deletes many entities with PostgreSQL's {@code COPY}, several times
 * faster than {@code persist}, {@code merge} or {@code remove} with JDBC batching.
 *
 * <pre>{@code
 * long n = PgBulk.insert(em, events);   // an Iterable or a Stream
 * PgBulkResult r = PgBulk.upsert(em, events, PgConflict.onId().doUpdate());
 * long updated = PgBulk.update(em, events);
 * long deleted = PgBulk.delete(em, Event.class, ids);
 * long exported = PgBulk.export(em, "select e.id, e.name from Event e", out, PgCopyFormat.CSV);
 * PgBulk.export(em, Event.class, writer, PgCopyFormat.TEXT);   // an OutputStream or a Writer
 * try (Stream<Event> s = PgBulk.stream(em, Event.class, "from Event e")) { ... }
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
        long rows = BulkInserter.insert(em, InMemoryEntities.of(entities));
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

    /**
     * Inserts the entities, or, for those whose row exists (a conflict on the target), updates it
     * or leaves it as it is: the rows are copied into a temporary table, then written in one {@code
     * INSERT ... SELECT ... ON CONFLICT}. New entities without an identifier get one as for {@link
     * #insert}. With {@code @Version}, an entity that carries a version updates the existing row
     * only when the row's version equals it (otherwise the row is left as it is and counted as
     * skipped), and one whose version is null (a feed's) updates it whatever its version; either
     * way the version is incremented, and a new row gets the seed. Values the database generates on
     * update ({@code @CurrentTimestamp}) are written with their SQL for the updated rows. The
     * entities themselves are not changed beyond their identifiers and the values generated in
     * memory for an insert.
     *
     * @param em an entity manager with an active transaction
     * @param entities entities of one class
     * @param conflict the conflict target and action, for example {@code
     *     PgConflict.onId().doUpdate()}
     * @return the rows inserted, updated and skipped
     */
    public static PgBulkResult upsert(EntityManager em, Iterable<?> entities, PgConflict conflict) {
        long start = System.nanoTime();
        PgBulkResult r = BulkUpserter.upsert(em, InMemoryEntities.of(entities), conflict);
        BulkObservers.completed(em, "upsert", r.inserted() + r.updated(), start);
        return r;
    }

    /**
     * Upserts the entities of a stream, consuming it, as {@link #upsert(EntityManager, Iterable,
     * PgConflict)} does.
     *
     * @param em an entity manager with an active transaction
     * @param entities entities of one class
     * @param conflict the conflict target and action
     * @return the rows inserted, updated and skipped
     */
    public static PgBulkResult upsert(EntityManager em, Stream<?> entities, PgConflict conflict) {
        long start = System.nanoTime();
        try (Stream<?> s = entities) {
            PgBulkResult r = BulkUpserter.upsert(em, s.iterator(), conflict);
            BulkObservers.completed(em, "upsert", r.inserted() + r.updated(), start);
            return r;
        }
    }

    /**
     * Updates the existing rows of the entities by identifier (all its columns when composite),
     * every mapped updatable column, in one {@code UPDATE ... FROM} a temporary table. When a row
     * is missing or, with {@code @Version}, has another version than its entity, nothing is updated
     * and a {@link PgBulkException} names its id; otherwise the versions are incremented, in the
     * table and on the entities. Update-time values are generated as by Hibernate's update: in
     * memory ({@code @UpdateTimestamp}) on the entities and in the rows; by the database
     * ({@code @CurrentTimestamp}) with their SQL in the statement, not read back into the entities.
     *
     * @param em an entity manager with an active transaction
     * @param entities entities of one class, each with an identifier
     * @return the number of rows updated
     */
    public static long update(EntityManager em, Iterable<?> entities) {
        long start = System.nanoTime();
        long rows = BulkUpdater.update(em, InMemoryEntities.of(entities));
        BulkObservers.completed(em, "update", rows, start);
        return rows;
    }

    /**
     * Updates the rows of the entities of a stream, consuming it, as {@link #update(EntityManager,
     * Iterable)} does.
     *
     * @param em an entity manager with an active transaction
     * @param entities entities of one class, each with an identifier
     * @return the number of rows updated
     */
    public static long update(EntityManager em, Stream<?> entities) {
        long start = System.nanoTime();
        try (Stream<?> s = entities) {
            long rows = BulkUpdater.update(em, s.iterator());
            BulkObservers.completed(em, "update", rows, start);
            return rows;
        }
    }

    /**
     * Deletes the rows of an entity class with the given identifiers, with {@code DELETE ... WHERE
     * id = ANY(?)}, 10,000 identifiers a statement; identifiers without a row are ignored. A
     * composite identifier ({@code @IdClass} or {@code @EmbeddedId}) binds one array per column and
     * matches every column.
     *
     * @param em an entity manager with an active transaction
     * @param entityClass the entity class, mapped to one table
     * @param ids the identifiers, of the entity's identifier type: for {@code @IdClass}, instances
     *     of the id class; for {@code @EmbeddedId}, of the embeddable
     * @return the number of rows deleted
     */
    public static long delete(EntityManager em, Class<?> entityClass, Iterable<?> ids) {
        long start = System.nanoTime();
        long rows = BulkDeleter.delete(em, entityClass, ids);
        BulkObservers.completed(em, "delete", rows, start);
        return rows;
    }

    /**
     * Writes the rows of an HQL selection to {@code out} with {@code COPY (<the SQL Hibernate
     * generates>) TO STDOUT}, streamed as the server sends them, never held in memory. The SQL is
     * generated with the session's tenant and enabled filters. The query takes no parameters (COPY
     * cannot bind them): write values as literals, never from user input; a query whose SQL still
     * has bind parameters (a filter's, the tenant's) or is several statements is refused. The
     * columns are those of the generated SQL, so select attributes ({@code select o.id, o.total
     * from Order o}) to choose them; an entity selection ({@code from Order}) writes all its
     * columns. When {@code out} throws, the rest of the rows are read and discarded, so the
     * transaction stays usable, and its exception is rethrown as the cause.
     *
     * @param em an entity manager with an active transaction
     * @param hql an HQL or JPQL selection without parameters
     * @param out where the rows go; not closed
     * @param format the COPY format
     * @return the number of rows written
     */
    public static long export(EntityManager em, String hql, OutputStream out, PgCopyFormat format) {
        long start = System.nanoTime();
        long rows = BulkReader.export(em, hql, out, format);
        BulkObservers.completed(em, "export", rows, start);
        return rows;
    }

    /**
     * Writes every row of an entity's table, all its mapped columns, as {@link
     * #export(EntityManager, String, OutputStream, PgCopyFormat)} does for {@code from <Entity>}.
     *
     * @param em an entity manager with an active transaction
     * @param entityClass the entity class
     * @param out where the rows go; not closed
     * @param format the COPY format
     * @return the number of rows written
     */
    public static long export(
            EntityManager em, Class<?> entityClass, OutputStream out, PgCopyFormat format) {
        String name = em.getMetamodel().entity(entityClass).getName();
        return export(em, "from " + name, out, format);
    }

    /**
     * Writes the rows of an HQL selection to {@code out} as characters, as {@link
     * #export(EntityManager, String, OutputStream, PgCopyFormat)} does: streamed, never held in
     * memory. Only the text formats ({@link PgCopyFormat#CSV}, {@link PgCopyFormat#TEXT}) can be
     * written to a {@code Writer}.
     *
     * @param em an entity manager with an active transaction
     * @param hql an HQL or JPQL selection without parameters
     * @param out where the rows go; not closed
     * @param format {@code CSV} or {@code TEXT}
     * @return the number of rows written
     * @throws IllegalArgumentException for {@link PgCopyFormat#BINARY}, which is bytes: use an
     *     {@code OutputStream}
     */
    public static long export(EntityManager em, String hql, Writer out, PgCopyFormat format) {
        long start = System.nanoTime();
        long rows = BulkReader.export(em, hql, out, format);
        BulkObservers.completed(em, "export", rows, start);
        return rows;
    }

    /**
     * Writes every row of an entity's table, all its mapped columns, as characters, as {@link
     * #export(EntityManager, String, Writer, PgCopyFormat)} does for {@code from <Entity>}.
     *
     * @param em an entity manager with an active transaction
     * @param entityClass the entity class
     * @param out where the rows go; not closed
     * @param format {@code CSV} or {@code TEXT}
     * @return the number of rows written
     * @throws IllegalArgumentException for {@link PgCopyFormat#BINARY}
     */
    public static long export(
            EntityManager em, Class<?> entityClass, Writer out, PgCopyFormat format) {
        String name = em.getMetamodel().entity(entityClass).getName();
        return export(em, "from " + name, out, format);
    }

    /**
     * Returns the entities of an HQL selection as a stream read through a server-side cursor, 1,000
     * rows a round trip, by a stateless session on the same connection and transaction (with the
     * session's tenant and enabled filters): the entities, and what they load eagerly, never enter
     * the session's persistence context, so memory stays flat, and entities the session already
     * manages stay managed. A null selected hands out null. Close the stream (try-with-resources)
     * to close the cursor; it must be consumed inside the transaction.
     *
     * @param <T> the entity type
     * @param em an entity manager with an active transaction
     * @param entityClass the entity class the query selects
     * @param hql an HQL or JPQL selection of that entity, for example {@code from Order o where
     *     ...}
     * @return the entities, read as the stream is consumed
     */
    public static <T> Stream<T> stream(EntityManager em, Class<T> entityClass, String hql) {
        return BulkReader.stream(em, entityClass, hql);
    }
}
