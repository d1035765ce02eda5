package dev.pgorm.migrate;

import dev.pgorm.migrate.internal.MigrationRequest;
import dev.pgorm.migrate.internal.PlanMaker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link PgMigrationPlan}: the desired schema comes from the entities, the current one
 * from a live database or a migration folder, and both are read on a scratch server.
 *
 * @since 0.1
 */
public final class PgMigrationPlanner {

    private final List<Class<?>> entities = new ArrayList<>();
    private String persistenceUnit;
    private final Map<String, Object> properties = new HashMap<>();
    private String[] scratch;
    private Path migrations;
    private String[] database;
    private final EnumSet<PgMigrationHazard> allowed = EnumSet.noneOf(PgMigrationHazard.class);
    private Duration lockTimeout = Duration.ofSeconds(3);
    private Duration statementTimeout = Duration.ofSeconds(30);

    PgMigrationPlanner() {}

    /**
     * Names the entity classes whose schema is the desired state.
     *
     * @param classes the entity classes
     * @return this planner
     */
    public PgMigrationPlanner entities(Class<?>... classes) {
        entities.addAll(Arrays.asList(classes));
        return this;
    }

    /**
     * Names a persistence unit (from {@code META-INF/persistence.xml}) instead of entity classes.
     *
     * @param name the persistence unit's name
     * @return this planner
     */
    public PgMigrationPlanner persistenceUnit(String name) {
        this.persistenceUnit = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Adds Hibernate or JPA settings used when the entities create the desired schema.
     *
     * @param settings the settings, for example {@code hibernate.default_schema}
     * @return this planner
     */
    public PgMigrationPlanner properties(Map<String, ?> settings) {
        properties.putAll(settings);
        return this;
    }

    /**
     * Names the server where temporary databases are created and dropped; its user needs CREATEDB.
     *
     * @param url a JDBC URL of any database on that server
     * @param user the user
     * @param password the password, or null
     * @return this planner
     */
    public PgMigrationPlanner scratch(String url, String user, String password) {
        this.scratch = new String[] {Objects.requireNonNull(url, "url"), user, password};
        return this;
    }

    /**
     * Takes the current state from Flyway-style migrations ({@code V<version>__<desc>.sql}),
     * replayed in version order; a missing or empty folder means an empty schema.
     *
     * @param dir the migration folder
     * @return this planner
     */
    public PgMigrationPlanner fromMigrations(Path dir) {
        this.migrations = Objects.requireNonNull(dir, "dir");
        this.database = null;
        return this;
    }

    /**
     * Takes the current state from a live database, which is only read.
     *
     * @param url the live database's JDBC URL
     * @param user the user
     * @param password the password, or null
     * @return this planner
     */
    public PgMigrationPlanner fromDatabase(String url, String user, String password) {
        this.database = new String[] {Objects.requireNonNull(url, "url"), user, password};
        this.migrations = null;
        return this;
    }

    /**
     * Allows hazards; {@link #plan()} fails when a statement has a hazard that was not allowed.
     *
     * @param hazards the hazards to allow
     * @return this planner
     */
    public PgMigrationPlanner allow(PgMigrationHazard... hazards) {
        allowed.addAll(Arrays.asList(hazards));
        return this;
    }

    /**
     * Sets the {@code lock_timeout} that starts every group of statements (default 3 seconds).
     *
     * @param timeout the timeout; zero means none
     * @return this planner
     */
    public PgMigrationPlanner lockTimeout(Duration timeout) {
        this.lockTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Sets the {@code statement_timeout} of transactional groups (default 30 seconds); statements
     * outside a transaction (concurrent index builds) and constraint validations run without one.
     *
     * @param timeout the timeout; zero means none
     * @return this planner
     */
    public PgMigrationPlanner statementTimeout(Duration timeout) {
        this.statementTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Plans the migration, verifies it on a temporary copy of the current state and returns it.
     *
     * @return the verified plan
     * @throws PgMigrationException when a hazard was not allowed, an object is not supported yet,
     *     or the plan failed its verification
     */
    public PgMigrationPlan plan() {
        if (entities.isEmpty() && persistenceUnit == null) {
            throw new PgMigrationException("name the entities or a persistence unit");
        }
        if (scratch == null) {
            throw new PgMigrationException(
                    "name a scratch server with scratch(url, user, password)");
        }
        if (migrations == null && database == null) {
            throw new PgMigrationException(
                    "name the current state with fromMigrations(dir) or fromDatabase(url, user,"
                            + " password)");
        }
        MigrationRequest request =
                new MigrationRequest(
                        List.copyOf(entities),
                        persistenceUnit,
                        Map.copyOf(properties),
                        scratch[0],
                        scratch[1],
                        scratch[2],
                        migrations,
                        database == null ? null : database[0],
                        database == null ? null : database[1],
                        database == null ? null : database[2],
                        EnumSet.copyOf(allowed),
                        lockTimeout,
                        statementTimeout);
        return PlanMaker.make(request);
    }
}
