package dev.pgorm.spring;

/**
 * A Spring Data repository fragment that inserts entities with {@code COPY}: add it to a repository
 * interface and call {@code bulkInsert}.
 *
 * <pre>{@code
 * interface OrderRepository extends JpaRepository<Order, Long>, PgBulkRepository<Order> {}
 *
 * long inserted = orders.bulkInsert(manyOrders);
 * }</pre>
 *
 * <p>It runs in the caller's transaction, or in one of its own when there is none, exactly as
 * {@link dev.pgorm.bulk.PgBulk#insert(jakarta.persistence.EntityManager, Iterable)} does (ids and
 * generated values are set on the entities).
 *
 * @param <T> the entity type
 * @since 0.1
 */
public interface PgBulkRepository<T> {

    /**
     * Inserts every entity with {@code COPY} (batched INSERTs below {@code
     * pgorm.bulk.copy-threshold} entities).
     *
     * @param entities the entities to insert, all of the repository's type
     * @return the number of rows inserted
     */
    long bulkInsert(Iterable<T> entities);
}
