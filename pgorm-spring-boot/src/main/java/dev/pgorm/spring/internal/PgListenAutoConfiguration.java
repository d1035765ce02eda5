package dev.pgorm.spring.internal;

import dev.pgorm.notify.PgListener;
import dev.pgorm.spring.PgListenErrorHandler;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Serves {@code @PgListen} methods with one listener whose connection is made from the
 * application's JDBC connection details (the URL and credentials of {@code spring.datasource.*}),
 * or from its data source's settings when there are none: never a pool slot.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({PgListener.class, JdbcConnectionDetails.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "pgorm.notify.listener.enabled", matchIfMissing = true)
public class PgListenAutoConfiguration {

    /** Created by Spring. */
    public PgListenAutoConfiguration() {}

    /**
     * Returns the post-processor that finds {@code @PgListen} methods.
     *
     * @return the post-processor
     */
    @Bean
    @ConditionalOnMissingBean
    static PgListenBeanPostProcessor pgListenBeanPostProcessor() {
        return new PgListenBeanPostProcessor();
    }

    /**
     * Returns the default error handler, which logs.
     *
     * @return the handler
     */
    @Bean
    @ConditionalOnMissingBean
    PgListenErrorHandler pgListenErrorHandler() {
        return new LoggingErrorHandler();
    }

    /**
     * Returns the container that runs the listener with the context.
     *
     * @param endpoints the {@code @PgListen} methods
     * @param details the connection details of {@code spring.datasource.*}, if any
     * @param dataSource the application's data source
     * @param events where the reconnect event is published
     * @param errors the error handler
     * @param beans where the JSON mapper is looked up
     * @return the container
     */
    @Bean
    @ConditionalOnMissingBean
    PgListenContainer pgListenContainer(
            PgListenBeanPostProcessor endpoints,
            ObjectProvider<JdbcConnectionDetails> details,
            DataSource dataSource,
            ApplicationEventPublisher events,
            PgListenErrorHandler errors,
            ListableBeanFactory beans) {
        return new PgListenContainer(
                endpoints,
                () -> {
                    JdbcConnectionDetails d = details.getIfUnique();
                    return d != null && d.getJdbcUrl() != null
                            ? PgListener.builder(d.getJdbcUrl(), d.getUsername(), d.getPassword())
                            : PgListener.builder(dataSource);
                },
                events,
                errors,
                PayloadDecoder.from(beans));
    }
}
