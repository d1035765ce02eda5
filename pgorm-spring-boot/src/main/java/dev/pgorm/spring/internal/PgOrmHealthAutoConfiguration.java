package dev.pgorm.spring.internal;

import dev.pgorm.rls.RlsDeploymentCheck;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health contributors {@code pgListener} (the {@code @PgListen} listener) and {@code pgormRls}
 * (what {@link RlsDeploymentCheck} finds); switch either off with {@code
 * management.health.<name>.enabled=false}.
 */
@AutoConfiguration(
        after = PgListenAutoConfiguration.class,
        afterName =
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
public class PgOrmHealthAutoConfiguration {

    /** Created by Spring. */
    public PgOrmHealthAutoConfiguration() {}

    /** The listener's health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(PgListenContainer.class)
    @ConditionalOnEnabledHealthIndicator("pgListener")
    static class ListenerHealth {
        @Bean
        @ConditionalOnMissingBean(name = "pgListenerHealthIndicator")
        HealthIndicator pgListenerHealthIndicator(PgListenContainer container) {
            return new PgListenerHealthIndicator(container);
        }
    }

    /** Row-level security's deployment check as health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RlsDeploymentCheck.class)
    @ConditionalOnBean(EntityManagerFactory.class)
    @ConditionalOnEnabledHealthIndicator("pgormRls")
    static class RlsHealth {
        @Bean
        @ConditionalOnMissingBean(name = "pgormRlsHealthIndicator")
        HealthIndicator pgormRlsHealthIndicator(EntityManagerFactory factory) {
            return new RlsHealthIndicator(factory);
        }
    }
}
