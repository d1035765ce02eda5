package dev.pgorm.migrate.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.migrate.PgMigrationException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

/** The desired schema is refused when Hibernate mapped fewer entities than were asked for. */
class DesiredSchemaTest {

    @Entity(name = "Mapped")
    static class Mapped {
        @Id Long id;
    }

    /** Not an entity to Hibernate here: stands for a class Hibernate could not load. */
    static class NotMapped {}

    private static MigrationRequest request(List<Class<?>> entities) {
        return new MigrationRequest(
                entities,
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                Duration.ofSeconds(3),
                Duration.ofMinutes(1));
    }

    /** Boots Hibernate without a database: no connection, no schema action. */
    private static SessionFactory boot(Class<?>... entities) {
        return new HibernatePersistenceConfiguration("desired-schema-test")
                .managedClasses(entities)
                .property(AvailableSettings.DIALECT, PostgreSQLDialect.class.getName())
                .property("hibernate.boot.allow_jdbc_metadata_access", false)
                .property(AvailableSettings.HBM2DDL_AUTO, "none")
                .createEntityManagerFactory();
    }

    @Test
    void entitiesHibernateDidNotMapAreNamedAndRefused() {
        try (SessionFactory sf = boot(Mapped.class)) {
            SessionFactoryImplementor sfi = sf.unwrap(SessionFactoryImplementor.class);
            DesiredSchema.checkMapped(request(List.of(Mapped.class)), sfi);
            assertThatThrownBy(
                            () ->
                                    DesiredSchema.checkMapped(
                                            request(List.of(Mapped.class, NotMapped.class)), sfi))
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining(NotMapped.class.getName())
                    .hasMessageContaining("would drop every table")
                    .hasMessageContaining("hibernate.classLoaders");
        }
    }

    @Test
    void aPersistenceUnitWithoutEntitiesIsRefused() {
        try (SessionFactory sf = boot()) {
            SessionFactoryImplementor sfi = sf.unwrap(SessionFactoryImplementor.class);
            assertThatThrownBy(() -> DesiredSchema.checkMapped(request(null), sfi))
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("no entity of the persistence unit");
        }
    }
}
