package dev.pgorm.spring.internal;

import dev.pgorm.rls.RlsContext;
import dev.pgorm.rls.RlsContextProvider;
import dev.pgorm.spring.PgRlsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Row-level security from Spring: a {@code TaskDecorator} that carries the RLS settings onto
 * {@code @Async} work, and, with Spring Security and {@code pgorm.rls.security.setting}, an {@link
 * RlsContextProvider} that applies the authenticated user (or a JWT claim) to every transaction.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnClass(RlsContext.class)
@EnableConfigurationProperties(PgRlsProperties.class)
public class PgRlsAutoConfiguration {

    /** Created by Spring. */
    public PgRlsAutoConfiguration() {}

    /**
     * Returns the decorator that runs tasks with the submitting thread's RLS settings.
     *
     * @param providers the application's {@code RlsContextProvider}, used when there is one
     * @return the decorator
     */
    @Bean
    @ConditionalOnMissingBean(TaskDecorator.class)
    TaskDecorator pgormRlsTaskDecorator(ObjectProvider<RlsContextProvider> providers) {
        return new RlsTaskDecorator(providers::getIfUnique);
    }

    /** The authenticated user as a setting. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityContextHolder.class)
    @ConditionalOnProperty("pgorm.rls.security.setting")
    static class SecurityProvider {
        @Bean
        @ConditionalOnMissingBean(RlsContextProvider.class)
        RlsContextProvider pgormSecurityRlsContextProvider(PgRlsProperties properties) {
            return new SecurityRlsContextProvider(
                    properties.getSecurity().getSetting(), properties.getSecurity().getClaim());
        }
    }
}
