package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.extension.PgExtension;
import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/** Extensions are created by schema export, in a fresh database, before the tables need them. */
@PgTest(isolation = PgTest.Isolation.DATABASE)
class ExtensionIT {

    // tag::extensions[]
    @Entity(name = "Place")
    @PgExtension("citext") // declared
    @PgIndex(
            columns = "name",
            method = IndexMethod.GIN,
            opclass = "gin_trgm_ops") // implies pg_trgm
    static class Place {
        @Id Long id;

        @Column(columnDefinition = "citext")
        String name;

        @JdbcTypeCode(SqlTypes.VECTOR) // implies vector
        @Array(length = 3)
        float[] embedding;

        Point location; // implies postgis
    }

    // end::extensions[]

    @Test
    void schemaExportCreatesEveryNeededExtension(PgTestDatabase db) {
        // The entity needs pgvector and PostGIS: skipped where the server has neither.
        db.requireAvailable("vector");
        db.requireAvailable("postgis");
        assertThat(db.capabilities().installedExtensions())
                .doesNotContainKeys("vector", "postgis", "citext", "pg_trgm");
        db.entityManagerFactory(Place.class);
        List<String> installed =
                db.sql().query("select extname from pg_extension order by 1").stream()
                        .map(r -> (String) r.get("extname"))
                        .toList();
        assertThat(installed).contains("citext", "pg_trgm", "postgis", "vector");
        db.execute("insert into place (id, name) values (1, 'Berlin')");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from place where name = 'BERLIN'",
                                        Long.class))
                .isEqualTo(1L);
    }
}
