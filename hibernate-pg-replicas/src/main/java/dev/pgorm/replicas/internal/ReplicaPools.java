package dev.pgorm.replicas.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The primary's and the replicas' data sources, and the pools made here that must be closed. */
final class ReplicaPools implements AutoCloseable {

    /** How long a read waits for a connection to a replica that is down before moving on. */
    private static final long REPLICA_CONNECTION_TIMEOUT_MS = 1000;

    private final List<HikariDataSource> owned = new ArrayList<>();
    private final List<Replica> replicas = new ArrayList<>();
    private DataSource primary;

    DataSource primary() {
        return primary;
    }

    List<Replica> replicas() {
        return replicas;
    }

    void primary(DataSource dataSource) {
        this.primary = dataSource;
    }

    void primaryUrl(String url, String user, String password, int poolSize) {
        HikariConfig config = config("pgorm-primary", url, user, password, poolSize);
        this.primary = own(config);
    }

    void replica(DataSource dataSource) {
        replicas.add(new Replica("data source " + dataSource, dataSource));
    }

    void replicaUrl(String url, String user, String password, int poolSize) {
        HikariConfig config =
                config("pgorm-replica-" + (replicas.size() + 1), url, user, password, poolSize);
        // A replica that is down at boot joins when it comes up; meanwhile reads go elsewhere.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(REPLICA_CONNECTION_TIMEOUT_MS);
        config.setMinimumIdle(Math.min(2, poolSize));
        replicas.add(new Replica(url, own(config)));
    }

    private static HikariConfig config(
            String name, String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        return config;
    }

    private DataSource own(HikariConfig config) {
        HikariDataSource pool = new HikariDataSource(config);
        owned.add(pool);
        return pool;
    }

    @Override
    public void close() {
        for (HikariDataSource pool : owned) {
            pool.close();
        }
        owned.clear();
    }
}
