package dev.pgorm.it.spring.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.spring.internal.PgListenContainer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The starter on the classpath of an application that runs on H2: entities, ids, joins and
 * repositories behave as without it, and the PostgreSQL-only pieces stay idle.
 */
@SpringBootTest(
        classes = ClinicApp.class,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:clinic;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.jpa.hibernate.ddl-auto=create-drop"
        })
@DirtiesContext
class ClinicOnH2IT {

    @Autowired OwnerRepository owners;
    @Autowired PetRepository pets;
    @Autowired PgListenContainer listener;

    @Autowired
    @Qualifier("pgormRlsHealthIndicator")
    HealthIndicator rlsHealth;

    @Test
    void entitiesAndRepositoriesWorkAsWithoutTheStarter() {
        Owner davis = owners.save(new Owner("Davis"));
        pets.saveAll(List.of(new Pet("Samantha", davis), new Pet("Max", davis)));
        assertThat(davis.id).isNotNull();
        assertThat(pets.namesOfOwner("Davis")).containsExactly("Max", "Samantha");
        assertThat(pets.findAll()).allSatisfy(p -> assertThat(p.id).isNotNull());
    }

    @Test
    void thePostgreSqlOnlyPiecesStayIdle() {
        assertThat(listener.channels()).isEmpty(); // no @PgListen method: no connection
        assertThat(rlsHealth.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }
}
