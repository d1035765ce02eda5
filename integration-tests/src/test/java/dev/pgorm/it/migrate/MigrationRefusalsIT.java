package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.extension.PgExtension;
import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PartitionStrategy;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

/**
 * What the planner refuses, loudly: objects it cannot plan yet, a scratch user without CREATEDB.
 */
@PgTest
class MigrationRefusalsIT {

    static final class V1 {
        @Entity(name = "Doc")
        @Table(name = "doc")
        public static class Doc {
            @Id Long id;

            String owner;
        }
    }

    static final class V2 {
        @Entity(name = "Tally")
        @Table(name = "tally")
        @Partitioned(strategy = PartitionStrategy.LIST, key = "id")
        @Partition(name = "tally_one", values = "1")
        public static class Tally {
            @Id Long id;

            long hits;
        }
    }

    @Test
    void objectsThePlannerCannotPlanYetFailThePlanByName(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Doc.class)) {
            assertThatThrownBy(
                            () ->
                                    c.planner(V1.Doc.class, V2.Tally.class)
                                            .allow(PgMigrationHazard.values())
                                            .plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("table public.tally PARTITION BY LIST (id)")
                    .hasMessageContaining("is added (not supported yet)");
        }
        assertThat(temporaryDatabases(db)).isZero();
    }

    @Test
    void aLiveDatabaseWithObjectsThePlannerCannotCopyIsRefused(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Doc.class, V2.Tally.class)) {
            assertThatThrownBy(() -> c.planner(V1.Doc.class, V2.Tally.class).plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("holds objects that the planner cannot copy yet")
                    .hasMessageContaining("public.tally");
        }
    }

    @Entity(name = "Odd")
    @Table(name = "odd")
    @PgExtension("pgorm_no_such_extension")
    public static class Odd {
        @Id Long id;
    }

    @Test
    void anExtensionMissingOnTheScratchServerIsNamed(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Doc.class)) {
            assertThatThrownBy(() -> c.planner(V1.Doc.class, Odd.class).plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("could not be created on the scratch server")
                    .hasMessageContaining("pgorm_no_such_extension");
        }
        assertThat(temporaryDatabases(db)).isZero();
    }

    @Test
    void aScratchUserWithoutCreatedbIsToldSo(PgTestDatabase db) {
        assertThatThrownBy(
                        () ->
                                PgMigrations.planner()
                                        .entities(V1.Doc.class)
                                        .scratch(db.jdbcUrl(), db.appRoleName(), null)
                                        .fromDatabase(db.jdbcUrl(), db.user(), db.password())
                                        .plan())
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("lacks CREATEDB")
                .hasMessageContaining("CREATEDB");
    }

    private static long temporaryDatabases(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        "select count(*) from pg_database where datname like 'pgorm\\_migrate\\_%'",
                        Long.class);
    }
}
