package dev.pgorm.replicas.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    @Test
    void recoveryConflictsShutdownsAndLostConnectionsAreRetried() {
        // Messages in another language (lc_messages = 'de_DE'): only the SQLSTATE counts.
        String german = "FEHLER: storniere Anfrage wegen Konflikt mit der Wiederherstellung";
        for (String state : new String[] {"40001", "57014", "57P01", "57P02", "57P03", "08006"}) {
            assertThat(ConflictRetry.retryable(new SQLException(german, state), false))
                    .as(state)
                    .isTrue();
        }
        assertThat(ConflictRetry.retryable(new SQLException("I/O error", "08001"), false)).isTrue();
    }

    @Test
    void aCancellationTheApplicationCausedIsNot() {
        assertThat(
                        ConflictRetry.retryable(
                                new SQLException(
                                        "ERROR: canceling statement due to statement timeout",
                                        "57014"),
                                true))
                .isFalse();
    }

    @Test
    void otherErrorsAreNot() {
        assertThat(ConflictRetry.retryable(new SQLException("syntax error", "42601"), false))
                .isFalse();
        assertThat(ConflictRetry.retryable(new SQLException("database dropped", "57P04"), false))
                .isFalse();
        assertThat(ConflictRetry.retryable(new SQLException("no state"), false)).isFalse();
    }
}
