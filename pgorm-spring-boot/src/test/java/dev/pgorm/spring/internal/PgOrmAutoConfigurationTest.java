package dev.pgorm.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.rls.RlsContextProvider;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

class PgOrmAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    PgOrmAutoConfiguration.class, PgRlsAutoConfiguration.class));

    private static Map<String, Object> customize(
            AssertableApplicationContext context, Map<String, Object> explicit) {
        Map<String, Object> settings = new HashMap<>(explicit);
        context.getBean("pgormHibernatePropertiesCustomizer", HibernatePropertiesCustomizer.class)
                .customize(settings);
        return settings;
    }

    @Test
    void propertiesBecomePgOrmHibernateSettings() {
        runner.withPropertyValues(
                        "pgorm.types.json-lean=false",
                        "pgorm.ddl.index-concurrently=true",
                        "pgorm.bulk.copy-threshold=50",
                        "pgorm.rls.required=true",
                        "pgorm.rls.tenant-setting=app.tenant_id",
                        "pgorm.notify.enabled=false")
                .run(
                        context ->
                                assertThat(customize(context, Map.of()))
                                        .containsEntry("pgorm.types.json_lean", false)
                                        .containsEntry("pgorm.ddl.index_concurrently", true)
                                        .containsEntry("pgorm.bulk.copy_threshold", 50)
                                        .containsEntry("pgorm.rls.required", true)
                                        .containsEntry("pgorm.rls.tenant_setting", "app.tenant_id")
                                        .containsEntry("pgorm.notify.enabled", false)
                                        .doesNotContainKeys(
                                                "pgorm.enabled",
                                                "pgorm.types.vector_binary",
                                                "hibernate.tenant_identifier_resolver",
                                                "pgorm.rls.context_provider"));
    }

    @Test
    void anExplicitSpringJpaPropertyWins() {
        runner.withPropertyValues("pgorm.types.json-lean=false")
                .run(
                        context ->
                                assertThat(
                                                customize(
                                                        context,
                                                        Map.of("pgorm.types.json_lean", "true")))
                                        .containsEntry("pgorm.types.json_lean", "true"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OneResolver {
        @Bean
        CurrentTenantIdentifierResolver<String> tenants() {
            return new CurrentTenantIdentifierResolver<>() {
                @Override
                public String resolveCurrentTenantIdentifier() {
                    return "acme";
                }

                @Override
                public boolean validateExistingCurrentSessions() {
                    return false;
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OneProvider {
        @Bean
        RlsContextProvider rlsProvider() {
            return () -> Map.of("app.tenant_id", "1");
        }
    }

    @Test
    void theSingleTenantResolverAndRlsProviderAreHandedToHibernate() {
        runner.withUserConfiguration(OneResolver.class, OneProvider.class)
                .run(
                        context ->
                                assertThat(customize(context, Map.of()))
                                        .containsEntry(
                                                "hibernate.tenant_identifier_resolver",
                                                context.getBean("tenants"))
                                        .containsEntry(
                                                "pgorm.rls.context_provider",
                                                context.getBean("rlsProvider")));
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoProviders {
        @Bean
        RlsContextProvider first() {
            return Map::of;
        }

        @Bean
        RlsContextProvider second() {
            return Map::of;
        }
    }

    @Test
    void twoRlsProvidersAreNotGuessedBetween() {
        runner.withUserConfiguration(TwoProviders.class)
                .run(
                        context ->
                                assertThat(customize(context, Map.of()))
                                        .doesNotContainKey("pgorm.rls.context_provider"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCustomizer {
        @Bean
        HibernatePropertiesCustomizer pgormHibernatePropertiesCustomizer() {
            return settings -> settings.put("mine", true);
        }
    }

    @Test
    void backsOffWhenTheApplicationDeclaresTheCustomizer() {
        runner.withUserConfiguration(OwnCustomizer.class)
                .run(context -> assertThat(customize(context, Map.of())).containsOnlyKeys("mine"));
    }

    @Test
    void withoutSpringBootHibernateNothingIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader(HibernatePropertiesCustomizer.class))
                .run(context -> assertThat(context).doesNotHaveBean(PgOrmAutoConfiguration.class));
    }

    @Test
    void withoutTheRlsModuleTheOtherSettingsStillApply() {
        runner.withClassLoader(new FilteredClassLoader("dev.pgorm.rls"))
                .withUserConfiguration(OneResolver.class)
                .withPropertyValues("pgorm.types.json-lean=false")
                .run(
                        context -> {
                            assertThat(context).doesNotHaveBean(TaskDecorator.class);
                            assertThat(customize(context, Map.of()))
                                    .containsEntry("pgorm.types.json_lean", false)
                                    .containsEntry(
                                            "hibernate.tenant_identifier_resolver",
                                            context.getBean("tenants"))
                                    .doesNotContainKey("pgorm.rls.context_provider");
                        });
    }
}
