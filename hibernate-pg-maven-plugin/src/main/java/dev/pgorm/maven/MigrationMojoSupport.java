package dev.pgorm.maven;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.spi.MigrationTask;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The configuration both goals share, and planning with the project's classes. */
abstract class MigrationMojoSupport extends AbstractMojo {

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
    private List<String> classpathElements;

    /** A persistence unit of the project's {@code persistence.xml}; scans for entities if unset. */
    @Parameter(property = "pgorm.persistenceUnit")
    private String persistenceUnit;

    /** Packages to scan for {@code @Entity} classes; every package of the project if unset. */
    @Parameter(property = "pgorm.packages")
    private List<String> packages;

    /** Extra Hibernate settings used when the entities create the desired schema. */
    @Parameter private Map<String, String> properties;

    /** The Flyway migration folder. */
    @Parameter(
            property = "pgorm.migrations",
            defaultValue = "${project.basedir}/src/main/resources/db/migration")
    private File migrations;

    /** JDBC URL of the scratch server; {@code PGORM_SCRATCH_URL}, then the test server if unset. */
    @Parameter(property = "pgorm.scratchUrl")
    private String scratchUrl;

    /** The scratch server's user (needs CREATEDB); {@code PGORM_SCRATCH_USER} if unset. */
    @Parameter(property = "pgorm.scratchUser")
    private String scratchUser;

    /** The scratch server's password; {@code PGORM_SCRATCH_PASSWORD} if unset. */
    @Parameter(property = "pgorm.scratchPassword")
    private String scratchPassword;

    /** Plans from the project's classes, with every hazard allowed; the goal judges the plan. */
    PgMigrationPlan plan() throws MojoExecutionException {
        MigrationTask task = task();
        getLog().info(
                        "Planning "
                                + (persistenceUnit == null || persistenceUnit.isBlank()
                                        ? "the entities in " + outputDirectory
                                        : "persistence unit " + persistenceUnit)
                                + " against "
                                + migrations
                                + " on scratch server "
                                + task.scratchDescription());
        // Hibernate logs its boot through java.util.logging here: INFO lines only with -X
        Logger hibernate = Logger.getLogger("org.hibernate");
        Logger pool = Logger.getLogger("org.hibernate.orm.connections.pooling");
        Level hibernateLevel = hibernate.getLevel();
        Level poolLevel = pool.getLevel();
        if (!getLog().isDebugEnabled()) {
            hibernate.setLevel(Level.WARNING);
            pool.setLevel(Level.SEVERE); // "built-in connection pool" is intended
        }
        try {
            return task.plan();
        } catch (PgMigrationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } finally {
            hibernate.setLevel(hibernateLevel);
            pool.setLevel(poolLevel);
        }
    }

    private MigrationTask task() {
        List<Path> classpath = new ArrayList<>();
        if (classpathElements != null) {
            classpathElements.stream()
                    .map(Path::of)
                    .filter(p -> !p.equals(outputDirectory.toPath()))
                    .forEach(classpath::add);
        }
        return new MigrationTask()
                .classes(List.of(outputDirectory.toPath()))
                .classpath(classpath)
                .packages(packages == null ? List.of() : packages)
                .persistenceUnit(persistenceUnit)
                .properties(properties == null ? Map.of() : properties)
                .migrations(migrations.toPath())
                .scratch(scratchUrl, scratchUser, scratchPassword);
    }

    File migrations() {
        return migrations;
    }

    // Package-private setters: tests drive the goals without a Maven runtime.

    void setOutputDirectory(File outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    void setClasspathElements(List<String> classpathElements) {
        this.classpathElements = classpathElements;
    }

    void setPersistenceUnit(String persistenceUnit) {
        this.persistenceUnit = persistenceUnit;
    }

    void setPackages(List<String> packages) {
        this.packages = packages;
    }

    void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    void setMigrations(File migrations) {
        this.migrations = migrations;
    }

    void setScratch(String url, String user, String password) {
        this.scratchUrl = url;
        this.scratchUser = user;
        this.scratchPassword = password;
    }
}
