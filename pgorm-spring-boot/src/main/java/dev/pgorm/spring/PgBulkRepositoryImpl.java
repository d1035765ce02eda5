package dev.pgorm.spring;

import dev.pgorm.bulk.PgBulk;
import jakarta.persistence.EntityManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * The implementation Spring Data finds for {@link PgBulkRepository} by its name: the fragment
 * interface's name followed by {@code Impl}, in the same package.
 */
class PgBulkRepositoryImpl<T> implements PgBulkRepository<T> {

    private final EntityManager entityManager;

    PgBulkRepositoryImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional
    public long bulkInsert(Iterable<T> entities) {
        return PgBulk.insert(entityManager, entities);
    }
}
