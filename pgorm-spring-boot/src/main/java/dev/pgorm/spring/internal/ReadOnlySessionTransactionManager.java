package dev.pgorm.spring.internal;

import dev.pgorm.core.internal.reflect.PrivateAccess;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionBuilder;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernateHints;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.JpaVendorAdapter;
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

    /** Marks factory steps that cannot be known. */
    private static final Consumer<EntityManager> UNKNOWN = em -> {};

    private transient Consumer<EntityManager> initializer;

    private transient BeanFactory beanFactory;

    /** The factory bean's steps for each entity manager, once found. */
    private transient volatile Consumer<EntityManager> factorySteps;

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
     * read-only session gets all that Spring's {@code createNativeEntityManager} would give it: the
     * manager's JPA properties (a tenant id among them opens the session for that tenant), the
     * factory bean's vendor adapter and initializer ({@code postProcessEntityManager}, where
     * applications enable Hibernate filters), then the manager's own initializer. When the factory
     * bean's initializer cannot be read, the transaction gets Spring's session, on the primary.
     */
    @Override
    protected EntityManager createEntityManagerForTransaction() {
        if (!Boolean.TRUE.equals(BEGINNING_READ_ONLY.get())) {
            return super.createEntityManagerForTransaction();
        }
        EntityManagerFactory emf = obtainEntityManagerFactory();
        Consumer<EntityManager> factorySteps = factorySteps(emf);
        if (emf instanceof EntityManagerFactoryInfo info) {
            emf = info.getNativeEntityManagerFactory();
        }
        if (factorySteps == null || !(emf instanceof SessionFactory factory)) {
            return super.createEntityManagerForTransaction();
        }
        Map<String, Object> properties = getJpaPropertyMap();
        SessionBuilder builder = factory.withOptions().readOnly(true);
        Object tenant = properties.get(HibernateHints.HINT_TENANT_ID);
        if (tenant != null) {
            builder = builder.tenantIdentifier(tenant);
        }
        Session session = builder.openSession();
        properties.forEach(
                (name, value) -> {
                    if (!HibernateHints.HINT_TENANT_ID.equals(name)) {
                        session.setProperty(name, value);
                    }
                });
        factorySteps.accept(session);
        if (initializer != null) {
            initializer.accept(session);
        }
        return session;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        super.setBeanFactory(beanFactory);
        this.beanFactory = beanFactory;
    }

    /**
     * What the factory bean behind {@code emf} does to each entity manager it creates, found once;
     * null when it cannot be known, so that Spring creates the session itself.
     */
    private Consumer<EntityManager> factorySteps(EntityManagerFactory emf) {
        Consumer<EntityManager> steps = factorySteps;
        if (steps == null) {
            steps = findFactorySteps(emf);
            factorySteps = steps;
        }
        return steps == UNKNOWN ? null : steps;
    }

    @SuppressWarnings("unchecked")
    private Consumer<EntityManager> findFactorySteps(EntityManagerFactory emf) {
        if (!(emf instanceof EntityManagerFactoryInfo info)) {
            return em -> {}; // Spring creates the entity manager from the factory directly
        }
        AbstractEntityManagerFactoryBean bean = factoryBean(info);
        if (bean == null) {
            return UNKNOWN;
        }
        Optional<Field> field = factoryInitializerField();
        if (field.isEmpty()) {
            return UNKNOWN;
        }
        Consumer<EntityManager> factoryInitializer;
        try {
            factoryInitializer = (Consumer<EntityManager>) field.get().get(bean);
        } catch (IllegalAccessException e) {
            return UNKNOWN;
        }
        JpaVendorAdapter adapter = bean.getJpaVendorAdapter();
        return em -> {
            if (adapter != null) {
                adapter.postProcessEntityManager(em);
            }
            if (factoryInitializer != null) {
                factoryInitializer.accept(em);
            }
        };
    }

    /** Spring's {@code AbstractEntityManagerFactoryBean.entityManagerInitializer}, or empty. */
    static Optional<Field> factoryInitializerField() {
        return PrivateAccess.field(
                AbstractEntityManagerFactoryBean.class,
                "entityManagerInitializer",
                "runs read-only transactions on the primary, with Spring's own session");
    }

    /** The Spring factory bean that made {@code info}, or null when it is not one. */
    private AbstractEntityManagerFactoryBean factoryBean(EntityManagerFactoryInfo info) {
        if (info instanceof AbstractEntityManagerFactoryBean bean) {
            return bean;
        }
        if (!(beanFactory instanceof ListableBeanFactory beans)) {
            return null;
        }
        for (AbstractEntityManagerFactoryBean bean :
                beans.getBeansOfType(AbstractEntityManagerFactoryBean.class, false, false)
                        .values()) {
            if (bean.getNativeEntityManagerFactory() == info.getNativeEntityManagerFactory()) {
                return bean;
            }
        }
        return null;
    }
}
