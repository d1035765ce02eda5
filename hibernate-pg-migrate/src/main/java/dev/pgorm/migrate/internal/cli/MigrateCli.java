package dev.pgorm.migrate.internal.cli;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.internal.cli.CliOptions.UsageException;
import dev.pgorm.migrate.spi.MigrationTask;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Main class of the {@code -cli} jar: {@code diff} writes the next migration, {@code verify} checks
 * that the entities and the migration folder agree. Messages go to standard error; the paths of the
 * files written and the help go to standard output.
 */
public final class MigrateCli {

    /** Exit code: done, or the entities and the migrations agree. */
    public static final int OK = 0;

    /** Exit code: the entities and the migrations disagree, or a hazard was not allowed. */
    public static final int DRIFT = 1;

    /** Exit code: bad arguments, or the scratch server or the entities could not be used. */
    public static final int ERROR = 2;

    /** Held so that the levels set on them are not lost to garbage collection. */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private static final Logger CONNECTION_POOL_LOG =
            Logger.getLogger("org.hibernate.orm.connections.pooling");

    private MigrateCli() {}

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Hibernate logs through java.util.logging here: keep its INFO lines out of the messages
        HIBERNATE_LOG.setLevel(Level.WARNING);
        CONNECTION_POOL_LOG.setLevel(Level.SEVERE); // "built-in connection pool" is intended
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line and returns its exit code instead of exiting.
     *
     * @param args the arguments
     * @param out where the help and the paths of the files written go
     * @param err where messages go
     * @return {@link #OK}, {@link #DRIFT} or {@link #ERROR}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliOptions options;
        Set<PgMigrationHazard> allowed;
        try {
            options = CliOptions.parse(args);
            allowed = MigrationTask.parseHazards(options.allow);
        } catch (UsageException | IllegalArgumentException e) {
            err.println("pgorm-migrate: " + e.getMessage());
            err.println("Run with --help for the options.");
            return ERROR;
        }
        if (options.help) {
            out.print(CliOptions.usage());
            return OK;
        }
        MigrationTask task =
                new MigrationTask()
                        .classes(options.entities)
                        .classpath(options.classpath)
                        .packages(options.packages)
                        .persistenceUnit(options.persistenceUnit)
                        .properties(options.properties)
                        .migrations(options.migrations)
                        .scratch(options.scratchUrl, options.scratchUser, options.scratchPassword);
        PgMigrationPlan plan;
        try {
            plan = task.plan();
        } catch (PgMigrationException e) {
            err.println("pgorm-migrate: " + e.getMessage());
            err.println("(scratch server: " + task.scratchDescription() + ")");
            return ERROR;
        }
        return options.command.equals("verify")
                ? verify(plan, options, err)
                : diff(plan, options, allowed, out, err);
    }

    private static int verify(PgMigrationPlan plan, CliOptions options, PrintStream err) {
        if (plan.isEmpty()) {
            err.println(
                    "pgorm-migrate: the entities and the migrations in "
                            + options.migrations
                            + " agree");
            return OK;
        }
        err.println("pgorm-migrate: " + MigrationTask.drift(plan));
        return DRIFT;
    }

    private static int diff(
            PgMigrationPlan plan,
            CliOptions options,
            Set<PgMigrationHazard> allowed,
            PrintStream out,
            PrintStream err) {
        if (plan.isEmpty()) {
            err.println("pgorm-migrate: schema matches the migrations, nothing written");
            return OK;
        }
        String refused = MigrationTask.refusedHazards(plan, allowed);
        if (refused != null) {
            err.println("pgorm-migrate: " + refused);
            err.println("Allow them with --allow HAZARD,...");
            return DRIFT;
        }
        List<Path> files;
        try {
            files = plan.writeFlyway(options.migrations, options.description);
        } catch (PgMigrationException | IllegalArgumentException e) {
            err.println("pgorm-migrate: " + e.getMessage());
            return ERROR;
        }
        // the paths on standard output, one a line, for scripts; the message on standard error
        files.forEach(out::println);
        err.println(
                "pgorm-migrate: wrote " + files.size() + " file(s); review them, then commit them");
        return OK;
    }
}
