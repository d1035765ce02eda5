package dev.pgorm.spring.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Spring's {@code JpaTransactionManager}, except that the session it opens for a read-only
 * transaction is opened read-only ({@code SessionBuilder.readOnly(true)}), so that Hibernate takes
 * its connection from {@code ConnectionProvider.getReadOnlyConnection()}: a replica, with
 * hibernate-pg-replicas. Spring's own dialect takes the connection first and marks it read-only
 * afterwards (spring-framework 21415), too late to choose a server.
 */
final class ReadOnlySessionTransactionManager extends JpaTransactionManager {

    private static final long serialVersionUID = 1L;

    /** Whether the transaction being begun on this thread is read-only. */
    private static final ThreadLocal<Boolean> BEGINNING_READ_ONLY = new ThreadLocal<>();

    private transient Consumer<EntityManager> initializer;

    /** Creates the manager; it finds the entity manager factory as Spring's does. */
    ReadOnlySessionTransactionManager() {}

    @Override
    public void setEntityManagerInitializer(Consumer<EntityManager> entityManagerInitializer) {
        super.setEntityManagerInitializer(entityManagerInitializer);
        this.initializer = entityManagerInitializer;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        Boolean outer = BEGINNING_READ_ONLY.get();
        BEGINNING_READ_ONLY.set(definition.isReadOnly());
        try {
            super.doBegin(transaction, definition);
        } finally {
            if (outer == null) {
                BEGINNING_READ_ONLY.remove();
            } else {
                BEGINNING_READ_ONLY.set(outer);
            }
        }
    }

    /**
     * Opens a read-only session for a read-only transaction, else does what Spring does. Only a
     * session opened here for the transaction is read-only: a transaction that joins a session
     * already bound to the thread (open-in-view) keeps that session and its connection. The
     * read-only session gets the manager's JPA properties and initializer as Spring's would;
     * Spring's vendor post-processing, the other step it takes, does nothing for Hibernate.
     */
    @Override
    protected EntityManager createEntityManagerForTransaction() {
        if (!Boolean.TRUE.equals(BEGINNING_READ_ONLY.get())) {
            return super.createEntityManagerForTransaction();
        }
        EntityManagerFactory emf = obtainEntityManagerFactory();
        if (emf instanceof EntityManagerFactoryInfo info) {
            emf = info.getNativeEntityManagerFactory();
        }
        if (!(emf instanceof SessionFactory factory)) {
            return super.createEntityManagerForTransaction();
        }
        Session session = factory.withOptions().readOnly(true).openSession();
        getJpaPropertyMap().forEach(session::setProperty);
        if (initializer != null) {
            initializer.accept(session);
        }
        return session;
    }
}
