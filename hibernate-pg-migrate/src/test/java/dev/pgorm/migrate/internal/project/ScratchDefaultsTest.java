package dev.pgorm.migrate.internal.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScratchDefaultsTest {

    @AfterEach
    void clear() {
        System.clearProperty("PGORM_SCRATCH_URL");
        System.clearProperty("PGORM_SCRATCH_USER");
        System.clearProperty("PGORM_SCRATCH_PASSWORD");
    }

    @Test
    void configurationWinsThenPgormScratchSettings() {
        System.setProperty("PGORM_SCRATCH_URL", "jdbc:postgresql://scratch:5432/postgres");
        System.setProperty("PGORM_SCRATCH_USER", "planner");
        System.setProperty("PGORM_SCRATCH_PASSWORD", "secret");

        ScratchDefaults configured =
                ScratchDefaults.resolve("jdbc:postgresql://mine/db", "me", null);
        assertThat(configured.url()).isEqualTo("jdbc:postgresql://mine/db");
        assertThat(configured.user()).isEqualTo("me");
        assertThat(configured.password()).isEqualTo("secret");
        assertThat(configured.source()).isEqualTo("configuration");

        ScratchDefaults fromSettings = ScratchDefaults.resolve(null, " ", null);
        assertThat(fromSettings.url()).isEqualTo("jdbc:postgresql://scratch:5432/postgres");
        assertThat(fromSettings.user()).isEqualTo("planner");
        assertThat(fromSettings.source()).isEqualTo("PGORM_SCRATCH_URL");
        assertThat(fromSettings.toString())
                .isEqualTo(
                        "jdbc:postgresql://scratch:5432/postgres as planner (from"
                                + " PGORM_SCRATCH_URL)")
                .doesNotContain("secret");
    }

    @Test
    void withoutScratchSettingsTheTestServerIsUsed() {
        ScratchDefaults found = ScratchDefaults.resolve(null, null, null);
        String testUrl = ScratchDefaults.setting("PGORM_TEST_URL");
        if (testUrl != null) {
            assertThat(found.url()).isEqualTo(testUrl);
            assertThat(found.source()).isEqualTo("PGORM_TEST_URL");
        } else {
            assertThat(found.url()).isEqualTo(ScratchDefaults.LOCAL_URL);
            assertThat(found.source()).isEqualTo("localhost:5432");
        }
        String testUser = ScratchDefaults.setting("PGORM_TEST_USER");
        assertThat(found.user()).isEqualTo(testUser == null ? "postgres" : testUser);
    }
}
