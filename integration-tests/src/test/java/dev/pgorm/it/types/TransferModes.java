package dev.pgorm.it.types;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.testing.PgTestDatabase;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

/**
 * Session factories over the same entities in pgjdbc's two transfer modes: {@code text} ({@code
 * prepareThreshold=0}, every statement unnamed, results as text) and {@code binary} ({@code
 * prepareThreshold=-1}, every statement server-prepared, binary results where pgjdbc has a binary
 * format). The schema is created once, by Hibernate, before both.
 */
final class TransferModes implements AutoCloseable {

    /** The mode names, for {@code @ValueSource(strings = ...)}. */
    static final String TEXT = "text";

    static final String BINARY = "binary";

    private final HikariDataSource text;
    private final HikariDataSource binary;
    private final SessionFactory textSf;
    private final SessionFactory binarySf;

    TransferModes(PgTestDatabase db, List<Class<?>> entities) {
        this(db, entities, Map.of());
    }

    TransferModes(PgTestDatabase db, List<Class<?>> entities, Map<String, ?> properties) {
        db.entityManagerFactory(entities, properties);
        text = pool(db, 0);
        binary = pool(db, -1);
        textSf = factory(db, entities, properties, text);
        binarySf = factory(db, entities, properties, binary);
    }

    private static SessionFactory factory(
            PgTestDatabase db,
            List<Class<?>> entities,
            Map<String, ?> properties,
            HikariDataSource pool) {
        Map<String, Object> settings = new java.util.HashMap<>(properties);
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
        return db.entityManagerFactory(entities, settings);
    }

    /** Returns a small pool on the test database with pgjdbc's {@code prepareThreshold}. */
    static HikariDataSource pool(PgTestDatabase db, int prepareThreshold) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl() + "&prepareThreshold=" + prepareThreshold);
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** Returns the session factory of a mode ({@link #TEXT} or {@link #BINARY}). */
    SessionFactory sf(String mode) {
        return switch (mode) {
            case TEXT -> textSf;
            case BINARY -> binarySf;
            default -> throw new IllegalArgumentException("no transfer mode " + mode);
        };
    }

    @Override
    public void close() {
        text.close();
        binary.close();
    }
}
