package dev.pgorm.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.core.internal.PgServerCapabilities;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.sql.Connection;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Core's helpers agree with a real PostgreSQL. */
@PgTest
class CoreAgainstServerIT {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "MixedCase",
                "select",
                "user",
                "with space",
                "quote\"inside",
                "x\"; drop table victim; --",
                "größe",
                "1starts_with_digit",
                "dollar$sign",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void renderedNamesArriveUnchanged(String name, PgTestDatabase db) {
        db.execute("create table victim (id int)");
        try {
            db.execute("create table " + PgIdentifiers.render(name) + " (id int)");
            List<String> stored =
                    db
                            .sql()
                            .query(
                                    "select relname from pg_class where relnamespace ="
                                            + " current_schema()::regnamespace and relname = ?",
                                    name)
                            .stream()
                            .map(r -> (String) r.get("relname"))
                            .toList();
            assertThat(stored).containsExactly(name);
            assertThat(PgIdentifiers.normalize(PgIdentifiers.render(name))).isEqualTo(name);
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select to_regclass('victim') is not null",
                                            Boolean.class))
                    .isTrue();
        } finally {
            db.execute(
                    "drop table if exists " + PgIdentifiers.quote(name),
                    "drop table if exists victim");
        }
    }

    @Test
    void simpleNamesNeedNoQuotesOnTheServerEither(PgTestDatabase db) {
        for (String name : List.of("orders", "doc_attrs_gin", "_private", "name", "value")) {
            assertThat(db.sql().queryValue("select quote_ident(?)", String.class, name))
                    .as(name)
                    .isEqualTo(PgIdentifiers.render(name));
        }
    }

    @Test
    void capabilitiesMatchTheCatalog(PgTestDatabase db) throws Exception {
        PgServerCapabilities caps;
        try (Connection c = db.connection()) {
            caps = PgServerCapabilities.read(c);
        }
        int versionNum =
                Integer.parseInt(db.sql().queryValue("show server_version_num", String.class));
        assertThat(caps.versionNum()).isEqualTo(versionNum);
        assertThat(caps.isAtLeast(14)).isTrue();
        // Whatever this server's build has (the version matrix's builds lack vector and postgis).
        for (String extension : List.of("vector", "postgis", "pg_trgm", "btree_gist")) {
            assertThat(caps.isAvailable(extension))
                    .as(extension)
                    .isEqualTo(
                            db.sql()
                                    .queryValue(
                                            "select exists (select 1 from pg_available_extensions"
                                                    + " where name = ?)",
                                            Boolean.class,
                                            extension));
        }
        assertThat(caps.isAvailable("pg_trgm")).isTrue();
        assertThat(caps.isAvailable("no_such_extension")).isFalse();
        assertThat(caps.isInstalled("plpgsql")).isTrue();
        assertThat(caps.installedVersion("plpgsql"))
                .contains(
                        db.sql()
                                .queryValue(
                                        "select extversion from pg_extension where extname ="
                                                + " 'plpgsql'",
                                        String.class));
    }

    @Entity(name = "Thing")
    static class Thing {
        @Id Long id;
    }

    @Test
    void dialectGuardRecognisesTheBootedFactory(PgTestDatabase db) {
        SessionFactory sf = db.entityManagerFactory(Thing.class);
        SessionFactoryImplementor sfi = sf.unwrap(SessionFactoryImplementor.class);
        assertThat(PgDialectGuard.isPostgreSQL(sfi.getJdbcServices().getDialect())).isTrue();
        assertThat(PgDialectGuard.isPostgreSQL(sfi.getServiceRegistry())).isTrue();
    }
}
