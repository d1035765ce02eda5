package dev.pgorm.spring;

import dev.pgorm.bulk.PgBulk;
import jakarta.persistence.EntityManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * The implementation of {@link PgBulkRepository}, which Spring Data finds through {@code
 * META-INF/spring.factories} (key: the fragment interface) in every repository that extends it.
 */
class PgBulkRepositoryImpl<T> implements PgBulkRepository<T> {

    private final EntityManager entityManager;

    PgBulkRepositoryImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Inserts with {@link PgBulk#insert}, which the bulk meters observe like every call. */
    @Override
    @Transactional
    public long bulkInsert(Iterable<T> entities) {
        return PgBulk.insert(entityManager, entities);
    }
}
