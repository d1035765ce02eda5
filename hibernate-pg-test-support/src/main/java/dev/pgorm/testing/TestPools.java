package dev.pgorm.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.testing.internal.PgServer;
import dev.pgorm.testing.internal.StatementRecorder;
import javax.sql.DataSource;

/**
 * The connection pools of one test class: the privileged user's (whose statements can be recorded
 * for {@code EXPLAIN}) and, when first asked for, the application role's.
 */
final class TestPools {

    private final PgServer server;
    private final TestSpace space;
    private final HikariDataSource ownerPool;
    private final DataSource ownerDataSource;
    private HikariDataSource appPool;

    TestPools(PgServer server, TestSpace space) {
        this.server = server;
        this.space = space;
        this.ownerPool = pool(server.user(), server.password(), "owner");
        this.ownerDataSource = StatementRecorder.wrap(ownerPool);
    }

    private HikariDataSource pool(String user, String password, String label) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(space.url());
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("pgorm-test-" + label + "-" + space.name());
        return new HikariDataSource(config);
    }

    /** Returns the privileged user's pool, recording the statements run through it. */
    DataSource owner() {
        return ownerDataSource;
    }

    /** Returns the privileged user's pool itself, for the harness's own statements. */
    DataSource ownerUnrecorded() {
        return ownerPool;
    }

    /** Returns the application role's pool, opening it on first use. */
    synchronized DataSource app() {
        if (appPool == null) {
            appPool = pool(server.appUser(), server.appPassword(), "app");
        }
        return appPool;
    }

    /** Retires every pooled connection, so that none outlives a re-created schema. */
    synchronized void evictConnections() {
        ownerPool.getHikariPoolMXBean().softEvictConnections();
        if (appPool != null) {
            appPool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** Closes both pools. */
    synchronized void close() {
        if (appPool != null) {
            appPool.close();
        }
        ownerPool.close();
    }
}
