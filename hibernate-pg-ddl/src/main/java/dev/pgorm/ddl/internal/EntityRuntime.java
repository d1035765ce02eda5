package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Run-time access for the DDL module's static helpers: the table behind an entity class and JDBC
 * work on the entity manager's own connection, inside its current transaction.
 */
public final class EntityRuntime {

    private EntityRuntime() {}

    /** JDBC work that may fail with an {@link SQLException}. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Returns the table of an entity as Hibernate renders it in SQL (qualified when configured).
     *
     * @throws IllegalArgumentException when the class is not an entity of this factory
     */
    public static String tableName(EntityManager em, Class<?> entityClass) {
        SessionFactoryImplementor factory =
                em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class);
        PgDialectGuard.requirePostgreSQL(
                factory.getJdbcServices().getDialect(), "PG-ORM DDL helpers");
        EntityPersister persister;
        try {
            persister = factory.getMappingMetamodel().getEntityDescriptor(entityClass);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    entityClass.getName() + " is not an entity of this EntityManager", e);
        }
        return ((AbstractEntityPersister) persister).getIdentifierTableName();
    }

    /**
     * Runs {@code work} on the session's connection within its current transaction.
     *
     * @param operation what is being done, for messages
     * @throws IllegalStateException when no transaction is active
     */
    public static <T> T inTransaction(EntityManager em, String operation, Work<T> work) {
        Session session = em.unwrap(Session.class);
        if (!session.isJoinedToTransaction()) {
            throw new IllegalStateException(operation + " must run inside an active transaction");
        }
        return session.doReturningWork(work::run);
    }
}
