package dev.pgorm.maven;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.spi.MigrationTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Goal {@code pgorm:diff}: plans the project's entities against the migration folder and writes the
 * next Flyway migration; fails with the hazard report when the plan has hazards not allowed.
 *
 * @since 0.1
 */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class DiffMojo extends MigrationMojoSupport {

    /** The new migration's description, for example {@code add_orders}. */
    @Parameter(property = "pgorm.description")
    private String description;

    /** Hazards to accept, separated by commas, for example {@code INDEX_BUILD,INDEX_DROPPED}. */
    @Parameter(property = "pgorm.allowHazards")
    private String allowHazards;

    /** Creates the goal; Maven sets its parameters. */
    public DiffMojo() {}

    /**
     * Plans the migration and writes it into the migration folder.
     *
     * @throws MojoFailureException when a hazard was not allowed, with the statements that have one
     * @throws MojoExecutionException when the configuration is incomplete or the plan cannot be
     *     made
     */
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (description == null || description.isBlank()) {
            throw new MojoExecutionException(
                    "name the new migration: mvn pgorm:diff -Dpgorm.description=add_orders");
        }
        Set<PgMigrationHazard> allowed;
        try {
            allowed = MigrationTask.parseHazards(allowHazards);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        PgMigrationPlan plan = plan();
        if (plan.isEmpty()) {
            getLog().info("The schema matches the migrations, nothing written");
            return;
        }
        String refused = MigrationTask.refusedHazards(plan, allowed);
        if (refused != null) {
            throw new MojoFailureException(
                    refused + "\nAllow them with -Dpgorm.allowHazards=HAZARD,...");
        }
        List<Path> files;
        try {
            files = plan.writeFlyway(migrations().toPath(), description);
        } catch (PgMigrationException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (Path file : files) {
            getLog().info("Wrote " + file + " (review it, then commit it)");
        }
    }

    void setDescription(String description) {
        this.description = description;
    }

    void setAllowHazards(String allowHazards) {
        this.allowHazards = allowHazards;
    }
}
