package dev.pgorm.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.replicas.PgReplicasConnectionProvider;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * When the read-only-session transaction manager backs off; that it routes is shown against a real
 * replica by {@code ReadOnlyTransactionsOnReplicaIT} in integration-tests-spring.
 */
class PgReplicasAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(PgReplicasAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    static class OneDataSource {
        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTransactionManager {
        @Bean
        PlatformTransactionManager myTransactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }

    @Test
    void anApplicationsOwnTransactionManagerWins() {
        runner.withUserConfiguration(OneDataSource.class, OwnTransactionManager.class)
                .run(
                        context ->
                                assertThat(context)
                                        .hasSingleBean(PlatformTransactionManager.class)
                                        .doesNotHaveBean(ReadOnlySessionTransactionManager.class));
    }

    @Test
    void withoutTheReplicasModuleNothingIsReplaced() {
        runner.withUserConfiguration(OneDataSource.class)
                .withClassLoader(new FilteredClassLoader(PgReplicasConnectionProvider.class))
                .run(context -> assertThat(context).doesNotHaveBean("transactionManager"));
    }

    @Test
    void withoutADataSourceNothingIsReplaced() {
        runner.run(context -> assertThat(context).doesNotHaveBean("transactionManager"));
    }

    /** A Spring upgrade that drops the member fails here, before read-only work moves back. */
    @Test
    void theFactoryBeansInitializerCanBeRead() throws IllegalAccessException {
        LocalContainerEntityManagerFactoryBean bean = new LocalContainerEntityManagerFactoryBean();
        Consumer<EntityManager> initializer = em -> {};
        bean.setEntityManagerInitializer(initializer);
        assertThat(
                        ReadOnlySessionTransactionManager.factoryInitializerField()
                                .orElseThrow()
                                .get(bean))
                .isSameAs(initializer);
    }
}
