package dev.pgorm.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.rls.RlsContext;
import dev.pgorm.rls.RlsContextProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;

class PgRlsAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(PgRlsAutoConfiguration.class));

    @AfterEach
    void clearSecurity() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theAuthenticatedUserBecomesTheConfiguredSetting() {
        runner.withPropertyValues("pgorm.rls.security.setting=app.user_name")
                .run(
                        context -> {
                            RlsContextProvider provider = context.getBean(RlsContextProvider.class);
                            assertThat(provider.currentSettings()).isEmpty();
                            SecurityContextHolder.getContext()
                                    .setAuthentication(
                                            UsernamePasswordAuthenticationToken.authenticated(
                                                    "alice", null, List.of()));
                            assertThat(provider.currentSettings())
                                    .containsExactly(Map.entry("app.user_name", "alice"));
                            SecurityContextHolder.getContext()
                                    .setAuthentication(
                                            new AnonymousAuthenticationToken(
                                                    "k",
                                                    "anon",
                                                    AuthorityUtils.createAuthorityList("ROLE_A")));
                            assertThat(provider.currentSettings()).isEmpty();
                        });
    }

    @Test
    void aClaimOfAJwtPrincipalIsAppliedWhenConfigured() {
        runner.withPropertyValues(
                        "pgorm.rls.security.setting=app.tenant_id",
                        "pgorm.rls.security.claim=tenant")
                .run(
                        context -> {
                            ClaimAccessor jwt = () -> Map.of("tenant", 42, "sub", "bob");
                            SecurityContextHolder.getContext()
                                    .setAuthentication(
                                            UsernamePasswordAuthenticationToken.authenticated(
                                                    jwt, null, List.of()));
                            assertThat(context.getBean(RlsContextProvider.class).currentSettings())
                                    .containsExactly(Map.entry("app.tenant_id", "42"));
                        });
    }

    @Test
    void noProviderWithoutTheSettingOrWithoutSpringSecurity() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RlsContextProvider.class));
        runner.withPropertyValues("pgorm.rls.security.setting=app.user_name")
                .withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
                .run(
                        context ->
                                assertThat(context)
                                        .doesNotHaveBean(RlsContextProvider.class)
                                        .hasSingleBean(TaskDecorator.class));
    }

    @Test
    void anApplicationProviderReplacesTheSecurityOne() {
        RlsContextProvider mine = () -> Map.of("app.x", "1");
        runner.withPropertyValues("pgorm.rls.security.setting=app.user_name")
                .withBean(RlsContextProvider.class, () -> mine)
                .run(
                        context ->
                                assertThat(context.getBean(RlsContextProvider.class))
                                        .isSameAs(mine));
    }

    @Test
    void theTaskDecoratorCarriesTheSettingsToAnotherThread() {
        runner.withPropertyValues("pgorm.rls.security.setting=app.user_name")
                .run(
                        context -> {
                            TaskDecorator decorator = context.getBean(TaskDecorator.class);
                            SecurityContextHolder.getContext()
                                    .setAuthentication(
                                            UsernamePasswordAuthenticationToken.authenticated(
                                                    "alice", null, List.of()));
                            AtomicReference<Map<String, String>> seen = new AtomicReference<>();
                            Runnable task;
                            RlsContext.Scope scope = RlsContext.set("app.tenant_id", "7");
                            try {
                                task = decorator.decorate(() -> seen.set(RlsContext.current()));
                            } finally {
                                scope.close();
                            }
                            AtomicReference<Map<String, String>> after = new AtomicReference<>();
                            CompletableFuture.runAsync(
                                            () -> {
                                                task.run();
                                                after.set(RlsContext.current());
                                            })
                                    .join();
                            assertThat(seen.get())
                                    .containsEntry("app.tenant_id", "7")
                                    .containsEntry("app.user_name", "alice");
                            assertThat(after.get()).isEmpty();
                        });
    }

    @Test
    void anApplicationTaskDecoratorIsKept() {
        TaskDecorator mine = r -> r;
        runner.withBean(TaskDecorator.class, () -> mine)
                .run(context -> assertThat(context.getBean(TaskDecorator.class)).isSameAs(mine));
    }
}
