package dev.pgorm.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Proves the harness end to end in a database of its own: creates the vector and postgis
 * extensions, then stores and reads an entity with a hibernate-vector column and a
 * hibernate-spatial point.
 */
@PgTest(isolation = PgTest.Isolation.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorPointHarnessIT {

    // tag::entity[]
    @Entity(name = "Landmark")
    static class Landmark {
        @Id @GeneratedValue Long id;

        String name;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 3)
        float[] embedding;

        Point location;
    }

    // end::entity[]

    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private SessionFactory sf;

    /** Each test skips, by name, where the run declared pgvector or PostGIS absent. */
    @BeforeEach
    void needsExtensions(PgTestDatabase db) {
        db.requireExtension("vector");
        db.requireExtension("postgis");
    }

    @BeforeAll
    void createExtensionsAndSchema(PgTestDatabase db) {
        assertThat(db.capabilities().isInstalled("vector")).isFalse();
        assertThat(db.capabilities().isInstalled("postgis")).isFalse();
        if (!db.hasExtensions("vector", "postgis")) {
            return; // no fixture: each test then skips in needsExtensions
        }

        db.requireExtension("vector");
        db.requireExtension("postgis");

        sf = db.entityManagerFactory(Landmark.class);
    }

    @Test
    void extensionsAreInstalledInTheFreshDatabase(PgTestDatabase db) {
        List<String> names =
                db.sql().query("select extname from pg_extension order by 1").stream()
                        .map(row -> (String) row.get("extname"))
                        .toList();
        assertThat(names).contains("vector", "postgis");
        assertThat(db.sql().queryValue("select current_database()", String.class))
                .startsWith("it_vectorpointharnessit_");
    }

    @Test
    void columnsHaveTheNativeTypes(PgTestDatabase db) {
        assertThat(db.sql().columnTypes("landmark"))
                .containsEntry("embedding", "vector(3)")
                .containsEntry("location", "geometry");
    }

    @Test
    void vectorAndPointRoundTrip() {
        Point berlin = GEOMETRY.createPoint(new Coordinate(13.4050, 52.5200));
        Long id =
                sf.fromTransaction(
                        session -> {
                            Landmark l = new Landmark();
                            l.name = "Brandenburger Tor";
                            l.embedding = new float[] {0.25f, -1.5f, 3f};
                            l.location = berlin;
                            session.persist(l);
                            return l.id;
                        });

        Landmark read = sf.fromTransaction(session -> session.find(Landmark.class, id));

        assertThat(read.name).isEqualTo("Brandenburger Tor");
        assertThat(read.embedding).containsExactly(0.25f, -1.5f, 3f);
        assertThat(read.location.getX()).isEqualTo(13.4050);
        assertThat(read.location.getY()).isEqualTo(52.5200);
        assertThat(read.location.getSRID()).isEqualTo(4326);
    }

    @Test
    void vectorDistanceQueryRuns() {
        sf.inTransaction(
                session -> {
                    for (float x = 1; x <= 3; x++) {
                        Landmark l = new Landmark();
                        l.name = "p" + (int) x;
                        l.embedding = new float[] {x, 0, 0};
                        l.location = GEOMETRY.createPoint(new Coordinate(x, x));
                        session.persist(l);
                    }
                });
        List<String> nearest =
                sf.fromTransaction(
                        session ->
                                session.createSelectionQuery(
                                                "select l.name from Landmark l where l.name like 'p%'"
                                                        + " order by euclidean_distance(l.embedding,"
                                                        + " :q)",
                                                String.class)
                                        .setParameter("q", new float[] {2.9f, 0, 0})
                                        .setMaxResults(2)
                                        .getResultList());
        assertThat(nearest).containsExactly("p3", "p2");
    }
}
