package dev.pgorm.replicas.internal;

import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.replicas.PgReplicasSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;

/** Reads the router's configuration from Hibernate's settings and builds it. */
record RouterConfig(
        DataSource primaryDataSource,
        String primaryUrl,
        String user,
        String password,
        List<String> replicaUrls,
        List<DataSource> replicaDataSources,
        boolean enabled,
        Duration maxLag,
        Duration checkInterval,
        Duration waitTimeout,
        int poolSize) {

    /** Hibernate's own names from before Jakarta Persistence's, still accepted for the primary. */
    private static final String LEGACY_DATASOURCE = "hibernate.connection.datasource";

    private static final String LEGACY_URL = "hibernate.connection.url";
    private static final String LEGACY_USER = "hibernate.connection.username";
    private static final String LEGACY_PASS = "hibernate.connection.password";

    static RouterConfig read(Map<String, Object> settings) {
        PgSettingsReader reader = PgSettingsReader.of(settings);
        Object dataSource =
                first(settings, AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, LEGACY_DATASOURCE);
        if (dataSource != null && !(dataSource instanceof DataSource)) {
            throw new IllegalArgumentException(
                    "PgReplicasConnectionProvider takes the primary's data source as an object, not "
                            + dataSource
                            + ": pass the DataSource itself, or set jakarta.persistence.jdbc.url");
        }
        String url = text(first(settings, AvailableSettings.JAKARTA_JDBC_URL, LEGACY_URL));
        if (dataSource == null && url == null) {
            throw new IllegalArgumentException(
                    "PgReplicasConnectionProvider needs the primary: set jakarta.persistence.jdbc.url"
                            + " (with its user and password) or hibernate.connection.datasource");
        }
        int poolSize = reader.getInt(PgReplicasSettings.POOL_SIZE, 10);
        if (poolSize < 1) {
            throw new IllegalArgumentException(
                    "Invalid value "
                            + poolSize
                            + " for "
                            + PgReplicasSettings.POOL_SIZE
                            + ": at least 1");
        }
        return new RouterConfig(
                (DataSource) dataSource,
                url,
                text(first(settings, AvailableSettings.JAKARTA_JDBC_USER, LEGACY_USER)),
                text(first(settings, AvailableSettings.JAKARTA_JDBC_PASSWORD, LEGACY_PASS)),
                urls(settings.get(PgReplicasSettings.URLS)),
                dataSources(settings.get(PgReplicasSettings.DATA_SOURCES)),
                reader.isModuleEnabled("replicas"),
                reader.getDuration(PgReplicasSettings.MAX_LAG, Duration.ofSeconds(10)),
                reader.getDuration(PgReplicasSettings.CHECK_INTERVAL, Duration.ofSeconds(1)),
                reader.getDuration(PgReplicasSettings.WAIT_TIMEOUT, Duration.ofSeconds(1)),
                poolSize);
    }

    ReplicaRouter build() {
        ReplicaPools pools = new ReplicaPools();
        try {
            if (primaryDataSource != null) {
                pools.primary(primaryDataSource);
            } else {
                pools.primaryUrl(primaryUrl, user, password, poolSize);
            }
            if (enabled) {
                for (String url : replicaUrls) {
                    pools.replicaUrl(url, user, password, poolSize);
                }
                replicaDataSources.forEach(pools::replica);
            }
            return new ReplicaRouter(pools, maxLag, checkInterval, waitTimeout);
        } catch (RuntimeException e) {
            pools.close();
            throw e;
        }
    }

    private static Object first(Map<String, Object> settings, String... names) {
        for (String name : names) {
            Object value = settings.get(name);
            if (value != null && !(value instanceof String s && s.isBlank())) {
                return value;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }

    static List<String> urls(Object value) {
        List<String> urls = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> urls.add(item.toString().trim()));
        } else if (value != null) {
            // Commas also appear inside a URL (hosts, currentSchema): split before "jdbc:" only.
            for (String part : value.toString().split(",(?=\\s*jdbc:)")) {
                String url = part.trim().replaceAll(",+$", "");
                if (!url.isEmpty()) {
                    urls.add(url);
                }
            }
        }
        for (String url : urls) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(
                        "Invalid replica URL '"
                                + url
                                + "' in "
                                + PgReplicasSettings.URLS
                                + ": expected jdbc:postgresql://host:port/database");
            }
        }
        return urls;
    }

    private static List<DataSource> dataSources(Object value) {
        List<DataSource> result = new ArrayList<>();
        Collection<?> items =
                value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
        for (Object item : items) {
            if (!(item instanceof DataSource ds)) {
                throw new IllegalArgumentException(
                        "Invalid value in "
                                + PgReplicasSettings.DATA_SOURCES
                                + ": expected javax.sql.DataSource objects, got "
                                + item);
            }
            result.add(ds);
        }
        return result;
    }
}
