package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationHazard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the planner was told, handed from the public builder to the internals in one value.
 *
 * @param entities the entity classes, or empty with a persistence unit
 * @param persistenceUnit the persistence unit's name, or null
 * @param properties extra Hibernate settings
 * @param scratchUrl JDBC URL on the scratch server
 * @param scratchUser the scratch user
 * @param scratchPassword the scratch password, or null
 * @param migrations the migration folder, or null
 * @param liveUrl the live database's URL, or null
 * @param liveUser the live user, or null
 * @param livePassword the live password, or null
 * @param allowed the hazards allowed
 * @param lockTimeout the lock timeout of every group
 * @param statementTimeout the statement timeout of transactional groups
 */
public record MigrationRequest(
        List<Class<?>> entities,
        String persistenceUnit,
        Map<String, Object> properties,
        String scratchUrl,
        String scratchUser,
        String scratchPassword,
        Path migrations,
        String liveUrl,
        String liveUser,
        String livePassword,
        Set<PgMigrationHazard> allowed,
        Duration lockTimeout,
        Duration statementTimeout) {}
