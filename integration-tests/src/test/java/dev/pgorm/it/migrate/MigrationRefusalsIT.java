package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.extension.PgExtension;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.view.MaterializedView;
import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        @Entity(name = "DocCount")
        @Table(name = "doc_count")
        @Immutable
        @MaterializedView(query = "select owner as id, count(*) as docs from doc group by owner")
        public static class DocCount {
            @Id String id;

            long docs;
        }
    }

    static final class V3 {
        @Entity(name = "DocCount")
        @Table(name = "doc_count")
        @Immutable
        @MaterializedView(query = "select owner as id, count(*) as docs from doc group by owner")
        @PgIndex(name = "doc_count_docs_idx", columns = "docs")
        public static class DocCount {
            @Id String id;

            long docs;
        }
    }

    @Test
    void objectsThePlannerCannotPlanYetFailThePlanByName(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Doc.class)) {
            assertThatThrownBy(
                            () ->
                                    c.planner(V1.Doc.class, V2.DocCount.class)
                                            .allow(PgMigrationHazard.values())
                                            .plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining(
                            "materialized view public.doc_count is added (not supported yet)");
        }
        assertThat(temporaryDatabases(db)).isZero();
    }

    @Test
    void aLiveDatabaseWithObjectsThePlannerCannotCopyIsRefused(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Doc.class, V2.DocCount.class)) {
            assertThatThrownBy(() -> c.planner(V1.Doc.class, V2.DocCount.class).plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("holds objects that the planner cannot copy yet")
                    .hasMessageContaining("materialized view public.doc_count");
        }
    }

    @Test
    void anIndexOnAnUnchangedMaterializedViewIsNotMissed(PgTestDatabase db, @TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve("V1__docs.sql"),
                """
                create table doc (id bigint not null, owner varchar(255), primary key (id));
                create materialized view doc_count as
                    select owner as id, count(*) as docs from doc group by owner;
                """);
        assertThatThrownBy(
                        () ->
                                PgMigrations.planner()
                                        .entities(V1.Doc.class, V3.DocCount.class)
                                        .scratch(db.jdbcUrl(), db.user(), db.password())
                                        .fromMigrations(dir)
                                        .allow(PgMigrationHazard.values())
                                        .plan())
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining(
                        "index public.doc_count_docs_idx on materialized view doc_count is added (not supported yet)")
                .hasMessageNotContaining("materialized view public.doc_count is");
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
