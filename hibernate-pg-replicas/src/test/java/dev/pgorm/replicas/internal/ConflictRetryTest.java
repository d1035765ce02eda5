package dev.pgorm.replicas.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    private static final String CONFLICT =
            "ERROR: canceling statement due to conflict with recovery";

    @Test
    void recoveryConflictsAndLostConnectionsAreRetried() {
        assertThat(ConflictRetry.retryable(new SQLException(CONFLICT, "40001"))).isTrue();
        assertThat(ConflictRetry.retryable(new SQLException(CONFLICT, "57014"))).isTrue();
        assertThat(ConflictRetry.retryable(new SQLException("I/O error", "08006"))).isTrue();
    }

    @Test
    void otherErrorsAreNot() {
        assertThat(
                        ConflictRetry.retryable(
                                new SQLException(
                                        "ERROR: canceling statement due to statement timeout",
                                        "57014")))
                .isFalse();
        assertThat(
                        ConflictRetry.retryable(
                                new SQLException(
                                        "ERROR: could not serialize access due to concurrent update",
                                        "40001")))
                .isFalse();
        assertThat(ConflictRetry.retryable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(ConflictRetry.retryable(new SQLException("no state"))).isFalse();
    }
}
