package dev.pgorm.spring.internal;

import dev.pgorm.spring.PgOrmProperties;
import dev.pgorm.spring.PgRlsProperties;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Maps the {@code pgorm.*} properties, the tenant resolver bean and the {@code RlsContextProvider}
 * bean onto Hibernate's settings, before Spring Boot builds the entity manager factory.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({HibernatePropertiesCustomizer.class, CurrentTenantIdentifierResolver.class})
@EnableConfigurationProperties({PgOrmProperties.class, PgRlsProperties.class})
public class PgOrmAutoConfiguration {

    /** Created by Spring. */
    public PgOrmAutoConfiguration() {}

    /**
     * Returns the customizer that hands PG-ORM's settings to Hibernate.
     *
     * @param properties {@code pgorm.*}
     * @param rls {@code pgorm.rls.*}
     * @param tenantResolvers the application's tenant resolver, used when there is exactly one
     * @param beans where the application's {@code RlsContextProvider} is looked up; it is used when
     *     there is exactly one
     * @return the customizer
     */
    @Bean
    @ConditionalOnMissingBean(name = "pgormHibernatePropertiesCustomizer")
    HibernatePropertiesCustomizer pgormHibernatePropertiesCustomizer(
            PgOrmProperties properties,
            PgRlsProperties rls,
            ObjectProvider<CurrentTenantIdentifierResolver<?>> tenantResolvers,
            ListableBeanFactory beans) {
        return new HibernateSettingsCustomizer(
                properties, rls, tenantResolvers.getIfUnique(), new RlsProviders(beans).unique());
    }
}
