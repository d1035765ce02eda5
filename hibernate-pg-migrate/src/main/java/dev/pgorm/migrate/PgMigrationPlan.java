package dev.pgorm.migrate;

import dev.pgorm.migrate.internal.FlywayWriter;
import dev.pgorm.migrate.internal.LiquibaseWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A verified list of statements that turns the current schema into the one the entities create.
 *
 * @since 0.1
 */
public final class PgMigrationPlan {

    private final List<PgMigrationStatement> statements;

    private PgMigrationPlan(List<PgMigrationStatement> statements) {
        this.statements = List.copyOf(statements);
    }

    /**
     * Returns a plan of the given statements, in order.
     *
     * @param statements the statements
     * @return the plan
     */
    public static PgMigrationPlan of(List<PgMigrationStatement> statements) {
        return new PgMigrationPlan(statements);
    }

    /**
     * Returns whether the schema already matches the entities.
     *
     * @return true when there is nothing to change
     */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * Returns the statements in the order they must run.
     *
     * @return the statements, unmodifiable
     */
    public List<PgMigrationStatement> statements() {
        return statements;
    }

    /**
     * Returns every hazard of every statement.
     *
     * @return the hazards, unmodifiable
     */
    public Set<PgMigrationHazard> hazards() {
        EnumSet<PgMigrationHazard> all = EnumSet.noneOf(PgMigrationHazard.class);
        statements.forEach(s -> all.addAll(s.hazards()));
        return Set.copyOf(all);
    }

    /**
     * Writes the plan as Flyway versioned migrations into {@code dir} and returns the files
     * written.
     *
     * <p>Each group of statements becomes one file {@code V<version>__<description>.sql} (with a
     * {@code _2_of_3} suffix when there are several), so each transactional group runs in a
     * transaction of its own. A group that must run outside a transaction ({@code CREATE INDEX
     * CONCURRENTLY}, {@code ALTER TYPE ... ADD VALUE}) also gets a {@code .sql.conf} file holding
     * {@code executeInTransaction=false}. Every file starts with comments listing the timeouts it
     * sets and each statement's hazards and note.
     *
     * <p>Versions continue after the highest {@code V} version in the folder and its subfolders:
     * integers ({@code V7} after {@code V6}, zero-padded like {@code V006} if the highest is), or
     * UTC {@code yyyyMMddHHmmss} timestamps one second apart when the highest version is such a
     * timestamp. An empty folder starts at {@code V1}. The description keeps ASCII letters and
     * digits (accents dropped), turns every other run of characters into one {@code _}, and is cut
     * at 80 characters.
     *
     * <p>An empty plan writes nothing and returns an empty list. The files are written all or
     * nothing: an existing file of the same name, a {@code dir} that is a file, or a folder that
     * cannot be written fails before any migration file appears.
     *
     * @param dir the migration folder, created when missing
     * @param description what the migration does, e.g. {@code "add orders"}
     * @return the files written, each {@code .sql} followed by its {@code .sql.conf} if it has one;
     *     empty for an empty plan
     * @throws IllegalArgumentException if the description has no letter or digit
     * @throws PgMigrationException if the files cannot be written
     */
    public List<Path> writeFlyway(Path dir, String description) {
        return FlywayWriter.write(statements, dir, description, Clock.systemUTC());
    }

    /**
     * Writes the plan as changesets of a Liquibase formatted-SQL changelog and returns their ids.
     *
     * <p>Each group of statements becomes one changeset {@code --changeset
     * <author>:<yyyyMMddHHmmss>-<n>} (UTC, {@code n} counting from 1 after any id of the same
     * second already in the file). A transactional group runs in one transaction and is sent as one
     * script ({@code splitStatements:false}, so function bodies keep their semicolons); a group
     * that must run outside a transaction is marked {@code runInTransaction:false}. Each changeset
     * starts with comments listing the timeouts it sets and each statement's hazards and note.
     *
     * <p>A missing file is created, starting with {@code --liquibase formatted sql}. An existing
     * formatted-SQL changelog gets the new changesets appended, its own text unchanged; any other
     * file (an XML or YAML changelog, plain SQL) is refused. An empty plan writes nothing and
     * returns an empty list.
     *
     * @param file the changelog, e.g. {@code db/changelog/changes.sql}
     * @param author the changesets' author, without {@code :} or {@code "}
     * @return the ids of the changesets written, in order; empty for an empty plan
     * @throws IllegalArgumentException if the author is blank or contains {@code :} or {@code "}
     * @throws PgMigrationException if the file is not a formatted-SQL changelog or cannot be
     *     written
     */
    public List<String> writeLiquibase(Path file, String author) {
        return LiquibaseWriter.write(statements, file, author, Clock.systemUTC());
    }

    /**
     * Returns the statements, one per line, each ending in a semicolon.
     *
     * @return the plan as SQL text
     */
    @Override
    public String toString() {
        return statements.stream().map(s -> s.sql() + ";").collect(Collectors.joining("\n"));
    }
}
