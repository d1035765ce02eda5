package dev.pgorm.it.ddl.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

/** {@code @PgExtension} on a package applies to the entities of that package. */
@PgTest(isolation = PgTest.Isolation.DATABASE)
class PackageExtensionIT {

    @Entity(name = "Category")
    static class Category {
        @Id Long id;
    }

    @Test
    void packageLevelExtensionIsCreated(PgTestDatabase db) {
        assertThat(db.capabilities().isInstalled("ltree")).isFalse();
        db.entityManagerFactory(Category.class);
        assertThat(db.capabilities().isInstalled("ltree")).isTrue();
    }
}
