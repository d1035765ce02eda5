package dev.pgorm.replicas.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.replicas.PgReplicasSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterConfigTest {

    private static final String PRIMARY = "jdbc:postgresql://primary/app";

    @Test
    void readsUrlsAsCommaSeparatedTextOrACollection() {
        assertThat(RouterConfig.urls("jdbc:postgresql://a/app, jdbc:postgresql://b/app,"))
                .containsExactly("jdbc:postgresql://a/app", "jdbc:postgresql://b/app");
        assertThat(
                        RouterConfig.urls(
                                "jdbc:postgresql://a,b/app?currentSchema=s,public,jdbc:postgresql://c/app"))
                .containsExactly(
                        "jdbc:postgresql://a,b/app?currentSchema=s,public",
                        "jdbc:postgresql://c/app");
        assertThat(RouterConfig.urls(List.of("jdbc:postgresql://a/app")))
                .containsExactly("jdbc:postgresql://a/app");
        assertThat(RouterConfig.urls(null)).isEmpty();
        assertThatThrownBy(() -> RouterConfig.urls("postgres://a/app"))
                .hasMessageContaining(PgReplicasSettings.URLS)
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }

    @Test
    void defaultsAndDurations() {
        RouterConfig s =
                RouterConfig.read(
                        Map.of(
                                "jakarta.persistence.jdbc.url",
                                PRIMARY,
                                PgReplicasSettings.MAX_LAG,
                                "3s",
                                PgReplicasSettings.WAIT_TIMEOUT,
                                "250ms"));
        assertThat(s.primaryUrl()).isEqualTo(PRIMARY);
        assertThat(s.enabled()).isTrue();
        assertThat(s.maxLag()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.waitTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.checkInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.poolSize()).isEqualTo(10);
        assertThat(s.replicaUrls()).isEmpty();
    }

    @Test
    void theSwitchAndThePoolSizeAreRead() {
        RouterConfig s =
                RouterConfig.read(
                        Map.of(
                                "hibernate.connection.url",
                                PRIMARY,
                                PgReplicasSettings.ENABLED,
                                "false",
                                PgReplicasSettings.POOL_SIZE,
                                "3"));
        assertThat(s.enabled()).isFalse();
        assertThat(s.poolSize()).isEqualTo(3);
        assertThatThrownBy(
                        () ->
                                RouterConfig.read(
                                        Map.of(
                                                "hibernate.connection.url",
                                                PRIMARY,
                                                PgReplicasSettings.POOL_SIZE,
                                                "0")))
                .hasMessageContaining(PgReplicasSettings.POOL_SIZE);
    }

    @Test
    void failsWithoutAPrimaryOrWithAWrongDataSource() {
        assertThatThrownBy(() -> RouterConfig.read(Map.of()))
                .hasMessageContaining("jakarta.persistence.jdbc.url");
        assertThatThrownBy(
                        () ->
                                RouterConfig.read(
                                        Map.of(
                                                "jakarta.persistence.jdbc.url",
                                                PRIMARY,
                                                PgReplicasSettings.DATA_SOURCES,
                                                "java:comp/env/jdbc/replica")))
                .hasMessageContaining(PgReplicasSettings.DATA_SOURCES);
    }
}
