package dev.pgorm.migrate.internal.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.migrate.PgMigrationException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityScannerTest {

    @Entity
    static class Scanned {
        @Id Long id;
    }

    /** Names the annotation type in a field's descriptor, but is not an entity. */
    static class NotAnEntity {
        Entity looksLikeOne;
    }

    @Test
    void findsEntityClassesInAClassesDirectoryUnderThePackages() throws URISyntaxException {
        Path testClasses =
                Path.of(Scanned.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found =
                EntityScanner.scan(
                        List.of(testClasses),
                        List.of(" dev.pgorm.migrate.internal.project "),
                        getClass().getClassLoader());
        assertThat(found).containsExactly(Scanned.class);
        assertThat(
                        EntityScanner.scan(
                                List.of(testClasses),
                                List.of("dev.pgorm.migrate.internal.projectx"),
                                getClass().getClassLoader()))
                .isEmpty();
    }

    @Test
    void classNamesComeFromClassFilesOnly() {
        assertThat(EntityScanner.className("a/b/C.class")).isEqualTo("a.b.C");
        assertThat(EntityScanner.className("a/b/C$D.class")).isEqualTo("a.b.C$D");
        assertThat(EntityScanner.className("a/b/package-info.class")).isNull();
        assertThat(EntityScanner.className("module-info.class")).isNull();
        assertThat(EntityScanner.className("META-INF/versions/11/a/B.class")).isNull();
        assertThat(EntityScanner.className("a/b/c.properties")).isNull();
        assertThat(EntityScanner.inPackages("a.b.C", List.of("a"))).isTrue();
        assertThat(EntityScanner.inPackages("ab.C", List.of("a"))).isFalse();
        assertThat(EntityScanner.inPackages("ab.C", List.of())).isTrue();
    }

    @Test
    void findsBytes() {
        byte[] text = "xxLjakarta/persistence/Entity;yy".getBytes(StandardCharsets.UTF_8);
        assertThat(EntityScanner.contains(text, "Entity;".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(EntityScanner.contains(text, "Entity;z".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void aMissingRootSaysToCompileFirst() {
        assertThatThrownBy(
                        () ->
                                EntityScanner.scan(
                                        List.of(Path.of("no/such/classes")),
                                        List.of(),
                                        getClass().getClassLoader()))
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("compile the project first");
    }
}
