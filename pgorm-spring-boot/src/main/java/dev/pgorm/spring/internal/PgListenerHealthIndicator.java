package dev.pgorm.spring.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while the {@code @PgListen} listener is connected and listening, DOWN while it reconnects. */
final class PgListenerHealthIndicator implements HealthIndicator {

    private final PgListenContainer container;

    PgListenerHealthIndicator(PgListenContainer container) {
        this.container = container;
    }

    @Override
    public Health health() {
        Health.Builder health = container.isConnected() ? Health.up() : Health.down();
        return health.withDetail("channels", container.channels())
                .withDetail("received", container.received())
                .withDetail("dispatched", container.dispatched())
                .withDetail("failed", container.failed())
                .withDetail("reconnects", container.reconnects())
                .build();
    }
}
