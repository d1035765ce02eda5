package dev.pgorm.spring.internal;

import dev.pgorm.rls.RlsDeploymentCheck;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN, with one message per problem, when row-level security protects nothing for the connecting
 * role (a superuser, BYPASSRLS, an owner without FORCE); UP otherwise.
 */
final class RlsHealthIndicator implements HealthIndicator {

    private final EntityManagerFactory factory;

    RlsHealthIndicator(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public Health health() {
        List<String> problems = RlsDeploymentCheck.check(factory);
        return (problems.isEmpty() ? Health.up() : Health.down())
                .withDetail("problems", problems)
                .build();
    }
}
