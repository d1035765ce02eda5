package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.encryption.PgEncrypted;
import dev.pgorm.ddl.extension.PgExtension;
import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.migrate.internal.PlanTimings;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void objectsThePlannerCannotPlanYetFailThePlanByName(PgTestDatabase db, @TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve("V1__doc.sql"),
                """
                create table doc (id bigint primary key, owner varchar(255));
                create type span as range (subtype = integer);
                """);
        assertThatThrownBy(
                        () ->
                                PgMigrations.planner()
                                        .entities(V1.Doc.class)
                                        .scratch(db.jdbcUrl(), db.user(), db.password())
                                        .fromMigrations(dir)
                                        .allow(PgMigrationHazard.values())
                                        .plan())
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("range type public.span is removed (not supported yet)");
        assertThat(leftBehind(db)).isZero();
    }

    static final class Encrypted {
        @Entity(name = "Doc")
        @Table(name = "doc")
        public static class Doc {
            @Id Long id;

            String owner;

            @PgEncrypted(keySetting = "app.crypto_key")
            String taxId;
        }
    }

    @Test
    void textBecomingEncryptedByteaIsRefusedWithTheStatementToWrite(
            PgTestDatabase db, @TempDir Path dir) throws IOException {
        db.requireAvailable("pgcrypto");
        Files.writeString(
                dir.resolve("V1__doc.sql"),
                """
                create table doc (id bigint primary key, owner varchar(255), taxId varchar(255));
                """);
        assertThatThrownBy(
                        () ->
                                PgMigrations.planner()
                                        .entities(Encrypted.Doc.class)
                                        .scratch(db.jdbcUrl(), db.user(), db.password())
                                        .fromMigrations(dir)
                                        .allow(PgMigrationHazard.values())
                                        .plan())
                .isInstanceOf(PgMigrationException.class)
                .hasMessageContaining("column public.doc.taxid changes from text to bytea")
                .hasMessageContaining("a cast (taxid::bytea) would keep the values unencrypted")
                .hasMessageContaining(
                        "ALTER TABLE public.doc ALTER COLUMN taxid TYPE bytea USING"
                                + " pgp_sym_encrypt(taxid, current_setting('app.crypto_key'))")
                .hasMessageContaining("USING convert_to(taxid, 'UTF8')");
        assertThat(leftBehind(db)).isZero();
    }

    @Test
    void aLiveDatabaseWithObjectsThePlannerCannotCopyIsRefused(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Doc.class)) {
            c.execute("create type span as range (subtype = integer)");
            assertThatThrownBy(() -> c.planner(V1.Doc.class).plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("holds objects that the planner cannot copy yet")
                    .hasMessageContaining("range type public.span");
        }
        assertThat(leftBehind(db)).isZero();
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
        assertThat(leftBehind(db)).isZero();
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

    /**
     * Returns how many of the last plan's temporary databases are still there (by name: other runs
     * on a shared server have temporary databases of their own meanwhile).
     */
    private static long leftBehind(PgTestDatabase db) {
        List<String> names = PlanTimings.last().tempDatabases();
        assertThat(names).isNotEmpty();
        return db.sql()
                .queryValue(
                        "select count(*) from pg_database where datname = any(?)",
                        Long.class,
                        (Object) names.toArray(String[]::new));
    }
}
