package dev.pgorm.migrate.spi;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationPlanner;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.migrate.internal.project.EntityScanner;
import dev.pgorm.migrate.internal.project.ScratchDefaults;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.cfg.AvailableSettings;

/**
 * Plans a migration from a project's compiled classes, loaded in a class loader of their own that
 * is the thread's context class loader while planning. Shared by the Maven plugin and the command
 * line; for PG-ORM's own tools, not for applications.
 *
 * @since 0.1
 */
public final class MigrationTask {

    private final List<Path> classes = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private final Map<String, Object> properties = new HashMap<>();
    private String persistenceUnit;
    private Path migrations;
    private String scratchUrl;
    private String scratchUser;
    private String scratchPassword;

    /** Creates a task with nothing configured. */
    public MigrationTask() {}

    /**
     * Adds compiled classes (directories or jars) to scan for {@code @Entity} classes; they are on
     * the class path too.
     *
     * @param roots the directories or jars
     * @return this task
     */
    public MigrationTask classes(List<Path> roots) {
        classes.addAll(roots);
        return this;
    }

    /**
     * Adds the libraries the entity classes need (the project's dependencies); not scanned.
     *
     * @param entries directories or jars
     * @return this task
     */
    public MigrationTask classpath(List<Path> entries) {
        classpath.addAll(entries);
        return this;
    }

    /**
     * Limits the scan to packages and their subpackages; none means every package.
     *
     * @param names the package names
     * @return this task
     */
    public MigrationTask packages(List<String> names) {
        names.stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(packages::add);
        return this;
    }

    /**
     * Takes the entities from a persistence unit of the project's {@code persistence.xml} instead
     * of scanning.
     *
     * @param name the persistence unit's name, or null to scan
     * @return this task
     */
    public MigrationTask persistenceUnit(String name) {
        this.persistenceUnit = name == null || name.isBlank() ? null : name.strip();
        return this;
    }

    /**
     * Adds Hibernate settings used when the entities create the desired schema.
     *
     * @param settings the settings
     * @return this task
     */
    public MigrationTask properties(Map<String, String> settings) {
        properties.putAll(settings);
        return this;
    }

    /**
     * Names the migration folder whose replay is the current state.
     *
     * @param dir the folder of {@code V<version>__<desc>.sql} files
     * @return this task
     */
    public MigrationTask migrations(Path dir) {
        this.migrations = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * Names the scratch server; a null URL means {@code PGORM_SCRATCH_URL}, then the test server
     * ({@code PGORM_TEST_URL}, then {@code localhost:5432}).
     *
     * @param url a JDBC URL of any database on that server, or null
     * @param user the user, or null
     * @param password the password, or null
     * @return this task
     */
    public MigrationTask scratch(String url, String user, String password) {
        this.scratchUrl = url;
        this.scratchUser = user;
        this.scratchPassword = password;
        return this;
    }

    /**
     * Returns the scratch server the task will use, for messages (never the password).
     *
     * @return the URL, the user and where they came from
     */
    public String scratchDescription() {
        return ScratchDefaults.resolve(scratchUrl, scratchUser, scratchPassword).toString();
    }

    /**
     * Plans the migration with every hazard allowed: the caller decides with {@link
     * #refusedHazards(PgMigrationPlan, Set)} which ones it accepts.
     *
     * @return the verified plan
     * @throws PgMigrationException when the classes cannot be loaded, no entity is found, the
     *     scratch server cannot be used or the plan cannot be made
     */
    public PgMigrationPlan plan() {
        if (migrations == null) {
            throw new PgMigrationException("name the migration folder");
        }
        ScratchDefaults scratch = ScratchDefaults.resolve(scratchUrl, scratchUser, scratchPassword);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(urls(), MigrationTask.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            Map<String, Object> settings = new HashMap<>(properties);
            settings.put(AvailableSettings.CLASSLOADERS, List.of(loader));
            PgMigrationPlanner planner =
                    PgMigrations.planner()
                            .properties(settings)
                            .scratch(scratch.url(), scratch.user(), scratch.password())
                            .fromMigrations(migrations)
                            .allow(PgMigrationHazard.values());
            if (persistenceUnit != null) {
                planner.persistenceUnit(persistenceUnit);
            } else {
                List<Class<?>> entities = EntityScanner.scan(classes, packages, loader);
                if (entities.isEmpty()) {
                    throw new PgMigrationException(
                            "no @Entity class in "
                                    + classes
                                    + (packages.isEmpty() ? "" : " under packages " + packages)
                                    + ": name the packages of the entities or a persistence unit");
                }
                planner.entities(entities.toArray(Class<?>[]::new));
            }
            return planner.plan();
        } catch (IOException e) {
            throw new PgMigrationException("cannot close the project's class loader", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private URL[] urls() {
        LinkedHashSet<Path> all = new LinkedHashSet<>(classes);
        all.addAll(classpath);
        List<URL> urls = new ArrayList<>();
        for (Path p : all) {
            try {
                urls.add(p.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new PgMigrationException("not a class path entry: " + p, e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /**
     * Parses hazard names separated by commas, as a user writes them.
     *
     * @param names for example {@code INDEX_BUILD, table_rewrite}; null or blank means none
     * @return the hazards
     * @throws IllegalArgumentException naming the valid hazards when a name is unknown
     */
    public static Set<PgMigrationHazard> parseHazards(String names) {
        EnumSet<PgMigrationHazard> hazards = EnumSet.noneOf(PgMigrationHazard.class);
        if (names == null) {
            return hazards;
        }
        for (String name : names.split(",")) {
            String n = name.strip();
            if (n.isEmpty()) {
                continue;
            }
            try {
                hazards.add(PgMigrationHazard.valueOf(n.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown hazard "
                                + n
                                + "; the hazards are "
                                + Arrays.toString(PgMigrationHazard.values()),
                        e);
            }
        }
        return hazards;
    }

    /**
     * Returns the report of the plan's hazards that were not allowed, or null when all were.
     *
     * @param plan the plan
     * @param allowed the hazards the user allowed
     * @return the missing hazards and the statements that have hazards, or null
     */
    public static String refusedHazards(PgMigrationPlan plan, Set<PgMigrationHazard> allowed) {
        EnumSet<PgMigrationHazard> missing = EnumSet.noneOf(PgMigrationHazard.class);
        plan.hazards().stream().filter(h -> !allowed.contains(h)).forEach(missing::add);
        if (missing.isEmpty()) {
            return null;
        }
        return "the plan has hazards that were not allowed "
                + missing
                + "; review these statements, then allow the hazards:\n  "
                + plan.statements().stream()
                        .filter(s -> !s.hazards().isEmpty())
                        .map(PgMigrationStatement::toString)
                        .collect(Collectors.joining("\n  "));
    }

    /**
     * Returns the report of a non-empty plan found by a drift check.
     *
     * @param plan the plan from the migrations to the entities
     * @return what disagrees and the statements a new migration would need
     */
    public static String drift(PgMigrationPlan plan) {
        return "the entities and the migrations disagree; a new migration would need:\n  "
                + plan.statements().stream()
                        .map(s -> s.sql() + ";")
                        .collect(Collectors.joining("\n  "));
    }
}
