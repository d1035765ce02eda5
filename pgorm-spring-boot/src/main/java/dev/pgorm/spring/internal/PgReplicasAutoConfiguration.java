package dev.pgorm.spring.internal;

import dev.pgorm.replicas.PgReplicasConnectionProvider;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;

/**
 * With hibernate-pg-replicas on the class path, replaces Spring Boot's JPA transaction manager by
 * one that opens read-only sessions for {@code @Transactional(readOnly = true)}, so that they read
 * on a replica. An application's own {@code TransactionManager} bean turns it off.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName =
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({
    PgReplicasConnectionProvider.class,
    SessionFactory.class,
    JpaTransactionManager.class,
    TransactionManagerCustomizers.class
})
@ConditionalOnSingleCandidate(DataSource.class)
public class PgReplicasAutoConfiguration {

    /** Created by Spring. */
    public PgReplicasAutoConfiguration() {}

    /**
     * Returns the transaction manager, named and customized as Spring Boot's own.
     *
     * @param customizers Spring Boot's transaction manager customizers, applied when present
     * @return the transaction manager
     */
    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    PlatformTransactionManager transactionManager(
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        ReadOnlySessionTransactionManager transactionManager =
                new ReadOnlySessionTransactionManager();
        customizers.ifAvailable(c -> c.customize(transactionManager));
        return transactionManager;
    }
}
