package dev.pgorm.maven;

import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.spi.MigrationTask;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Goal {@code pgorm:verify}: replays the migration folder into a temporary database and fails,
 * listing the statements a new migration would need, when the entities and the migrations disagree.
 *
 * @since 0.1
 */
@Mojo(
        name = "verify",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class VerifyMojo extends MigrationMojoSupport {

    /** Creates the goal; Maven sets its parameters. */
    public VerifyMojo() {}

    /**
     * Checks that the migrations create the schema the entities need.
     *
     * @throws MojoFailureException when they do not (drift), with the statements that are missing
     * @throws MojoExecutionException when the plan cannot be made (no scratch server, no entities)
     */
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        PgMigrationPlan plan = plan();
        if (!plan.isEmpty()) {
            throw new MojoFailureException(
                    MigrationTask.drift(plan)
                            + "\nRun mvn pgorm:diff -Dpgorm.description=... to write it.");
        }
        getLog().info("The entities and the migrations in " + migrations() + " agree");
    }
}
