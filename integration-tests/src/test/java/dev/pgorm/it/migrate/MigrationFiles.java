package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case the Flyway and Liquibase ITs share: a populated database from old entities, new entities
 * whose plan has transactional groups (a foreign key NOT VALID, then its validation, a NOT NULL
 * column) and a group outside a transaction (several indexes built and dropped concurrently), and a
 * second step adding a table.
 */
final class MigrationFiles {

    static final Class<?>[] OLD = {
        MigrationConstraintsIT.V1.Account.class,
        MigrationConstraintsIT.V1.Login.class,
        MigrationIndexesIT.V1.Note.class
    };
    static final Class<?>[] NEW = {
        MigrationConstraintsIT.V2.Account.class,
        MigrationConstraintsIT.V2.Login.class,
        MigrationIndexesIT.V2.Note.class
    };
    static final Class<?>[] NEXT = {
        MigrationConstraintsIT.V2.Account.class,
        MigrationConstraintsIT.V2.Login.class,
        MigrationIndexesIT.V2.Note.class,
        Tag.class
    };

    private static final List<String> TABLES = List.of("account", "login", "note");

    /** The table the second migration adds. */
    @Entity(name = "Tag")
    @Table(name = "tag", indexes = @Index(name = "tag_label_idx", columnList = "label"))
    public static class Tag {
        @Id Long id;

        String label;
    }

    private MigrationFiles() {}

    /** Returns a case database made from the old entities, with rows in every table. */
    static MigrationCase populated(PgTestDatabase db) {
        MigrationCase c = MigrationCase.of(db, OLD);
        c.execute(
                "insert into account (id, email, age) values (1, 'a@x', 30), (2, 'b@x', 40)",
                "insert into login (id, accountid) values (1, 1), (2, 2), (3, 1)",
                """
                insert into note (id, title, body, author)
                select i, 'title ' || i, 'body ' || i, 'author ' || (i % 7)
                from generate_series(1, 500) i
                """);
        return c;
    }

    /** Plans the case database against entities, allowing what the migration needs. */
    static PgMigrationPlan plan(MigrationCase c, Class<?>... entities) {
        return c.planner(entities)
                .allow(
                        PgMigrationHazard.INDEX_BUILD,
                        PgMigrationHazard.INDEX_DROPPED,
                        PgMigrationHazard.VALIDATES_DATA)
                .plan();
    }

    /** Plans entities against the state a migration folder replays to. */
    static PgMigrationPlan folderPlan(PgTestDatabase db, Path dir, Class<?>... entities) {
        return PgMigrations.planner()
                .entities(entities)
                .scratch(db.jdbcUrl(), db.user(), db.password())
                .fromMigrations(dir)
                .allow(
                        PgMigrationHazard.INDEX_BUILD,
                        PgMigrationHazard.INDEX_DROPPED,
                        PgMigrationHazard.VALIDATES_DATA)
                .plan();
    }

    /** Returns the plan against the new entities, checked to hold both kinds of group. */
    static PgMigrationPlan firstPlan(MigrationCase c) {
        PgMigrationPlan plan = plan(c, NEW);
        assertThat(plan.statements())
                .anyMatch(s -> s.sql().startsWith("CREATE INDEX CONCURRENTLY"))
                .anyMatch(s -> s.sql().endsWith("NOT VALID"))
                .anyMatch(s -> s.sql().contains("VALIDATE CONSTRAINT"))
                .anyMatch(s -> s.sql().endsWith("SET NOT NULL"));
        assertThat(
                        plan.statements().stream()
                                .filter(s -> !s.transactional())
                                .filter(s -> s.sql().contains("CONCURRENTLY")))
                .as("statements outside a transaction")
                .hasSizeGreaterThan(2);
        return plan;
    }

    /** Returns the number of rows of each table of the case. */
    static Map<String, Long> rows(MigrationCase c) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, c.count("select count(*) from " + table));
        }
        return rows;
    }

    /** Checks that no index was left invalid and that the entities need nothing more. */
    static void assertMigrated(MigrationCase c, Class<?>... entities) {
        assertThat(c.count("select count(*) from pg_index where not indisvalid")).isZero();
        assertThat(plan(c, entities).statements()).isEmpty();
    }
}
