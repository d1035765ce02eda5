package dev.pgorm.spring;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.spring.internal.BulkMeters;
import jakarta.persistence.EntityManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.annotation.Transactional;

/**
 * The implementation of {@link PgBulkRepository}, which Spring Data finds through {@code
 * META-INF/spring.factories} (key: the fragment interface) in every repository that extends it.
 */
class PgBulkRepositoryImpl<T> implements PgBulkRepository<T> {

    private final EntityManager entityManager;
    private final ObjectProvider<BulkMeters> meters;

    PgBulkRepositoryImpl(EntityManager entityManager, ObjectProvider<BulkMeters> meters) {
        this.entityManager = entityManager;
        this.meters = meters;
    }

    @Override
    @Transactional
    public long bulkInsert(Iterable<T> entities) {
        long start = System.nanoTime();
        long rows = PgBulk.insert(entityManager, entities);
        BulkMeters m = meters.getIfUnique();
        if (m != null) {
            m.inserted(rows, System.nanoTime() - start);
        }
        return rows;
    }
}
