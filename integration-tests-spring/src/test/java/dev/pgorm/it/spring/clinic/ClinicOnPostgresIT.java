package dev.pgorm.it.spring.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.it.spring.SpringTestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same application as a {@code @DataJpaTest} against PostgreSQL, with the pool's auto-commit
 * off: the slice works with the starter, applies the {@code pgorm.*} properties (an explicit {@code
 * spring.jpa.properties} value winning), and each test's rollback leaves nothing behind.
 */
@DataJpaTest(
        properties = {
            "spring.datasource.hikari.auto-commit=false",
            "pgorm.types.json-lean=false",
            "spring.jpa.properties.pgorm.ddl.check_extensions=true",
            "pgorm.ddl.check-extensions=false"
        })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ClinicOnPostgresIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SpringTestDatabase.register(registry, "pgorm_spring_clinic_it");
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "create-drop");
    }

    @Autowired OwnerRepository owners;
    @Autowired PetRepository pets;
    @Autowired EntityManagerFactory factory;

    @Test
    void pgormPropertiesReachHibernateAndSpringJpaPropertiesWin() {
        assertThat(factory.getProperties())
                .containsEntry("pgorm.types.json_lean", false)
                .containsEntry("pgorm.ddl.check_extensions", "true");
    }

    @Test
    void repositoriesWorkInTheSlice() {
        Owner davis = owners.save(new Owner("Davis"));
        pets.saveAll(List.of(new Pet("Samantha", davis), new Pet("Max", davis)));
        assertThat(pets.namesOfOwner("Davis")).containsExactly("Max", "Samantha");
    }

    @Test
    void eachTestStartsEmpty() {
        assertThat(owners.count()).isZero();
        owners.save(new Owner("Franklin"));
        assertThat(owners.count()).isEqualTo(1);
    }
}
