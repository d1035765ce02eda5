package dev.pgorm.spring.internal;

import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.ddl.spi.EntityAnnotations;
import dev.pgorm.rls.RlsDeploymentCheck;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN, with one message per problem, when row-level security protects nothing for the connecting
 * role (a superuser, BYPASSRLS, an owner without FORCE); UP otherwise, and UP without a check when
 * no entity declares {@code @RowLevelSecurity}. UNKNOWN on another database than PostgreSQL.
 */
final class RlsHealthIndicator implements HealthIndicator {

    private final EntityManagerFactory factory;

    RlsHealthIndicator(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public Health health() {
        SessionFactoryImplementor sf = factory.unwrap(SessionFactoryImplementor.class);
        if (!(sf.getJdbcServices().getDialect() instanceof PostgreSQLDialect)) {
            return Health.unknown().withDetail("reason", "not a PostgreSQL database").build();
        }
        List<String> protectedEntities = new ArrayList<>();
        sf.getMappingMetamodel()
                .forEachEntityDescriptor(
                        p -> {
                            Class<?> type = p.getMappedClass();
                            if (type != null
                                    && EntityAnnotations.declares(type, RowLevelSecurity.class)) {
                                protectedEntities.add(type.getSimpleName());
                            }
                        });
        if (protectedEntities.isEmpty()) {
            return Health.up().withDetail("protectedEntities", protectedEntities).build();
        }
        List<String> problems = RlsDeploymentCheck.check(factory);
        return (problems.isEmpty() ? Health.up() : Health.down())
                .withDetail("protectedEntities", protectedEntities)
                .withDetail("problems", problems)
                .build();
    }
}
