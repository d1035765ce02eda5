package dev.pgorm.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.migrate.PgMigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchAndReplayTest {

    @Test
    void replacesTheDatabaseOfAJdbcUrl() {
        assertThat(ScratchServer.withDatabase("jdbc:postgresql://h:5432/app?ssl=true", "tmp"))
                .isEqualTo("jdbc:postgresql://h:5432/tmp?ssl=true");
        assertThat(ScratchServer.withDatabase("jdbc:postgresql://h/app", "tmp"))
                .isEqualTo("jdbc:postgresql://h/tmp");
        assertThat(ScratchServer.withDatabase("jdbc:postgresql://h:5432", "tmp"))
                .isEqualTo("jdbc:postgresql://h:5432/tmp");
        assertThat(ScratchServer.withDatabase("jdbc:postgresql://h:5432?user=x", "tmp"))
                .isEqualTo("jdbc:postgresql://h:5432/tmp?user=x");
        assertThatThrownBy(() -> ScratchServer.withDatabase("jdbc:mysql://h/app", "tmp"))
                .isInstanceOf(PgMigrationException.class);
    }

    @Test
    void listsMigrationsInNumericVersionOrder(@TempDir Path dir) throws IOException {
        for (String name :
                new String[] {
                    "V10__c.sql", "V2__b.sql", "V1.1__a2.sql", "V1__a.sql", "README.md"
                }) {
            Files.writeString(dir.resolve(name), "");
        }
        assertThat(MigrationReplay.list(dir).stream().map(m -> m.file().getFileName().toString()))
                .containsExactly("V1__a.sql", "V1.1__a2.sql", "V2__b.sql", "V10__c.sql");
        assertThat(MigrationReplay.list(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void refusesMigrationsItCannotReplayYet(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("R__views.sql"), "");
        assertThatThrownBy(() -> MigrationReplay.list(dir))
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("R__views.sql")
                .hasMessageContaining("not supported yet");
    }
}
