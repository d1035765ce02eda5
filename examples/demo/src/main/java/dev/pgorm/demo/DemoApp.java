package dev.pgorm.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * PG-ORM's demo: boots Hibernate on a HikariCP pool against the local PostgreSQL, creates its
 * schema, loads sample data, runs a few PostgreSQL-flavoured queries and prints the results.
 *
 * <p>Database: {@code PGORM_DEMO_URL} (default {@code
 * jdbc:postgresql://localhost:5432/pgorm_demo}), {@code PGORM_DEMO_USER} (default {@code
 * postgres}), {@code PGORM_DEMO_PASSWORD}.
 */
public final class DemoApp {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private DemoApp() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     * @throws Exception when the database cannot be reached
     */
    public static void main(String[] args) throws Exception {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(env("PGORM_DEMO_URL", "jdbc:postgresql://localhost:5432/pgorm_demo"));
        pool.setUsername(env("PGORM_DEMO_USER", "postgres"));
        pool.setPassword(env("PGORM_DEMO_PASSWORD", null));
        pool.setMaximumPoolSize(4);
        pool.setPoolName("pgorm-demo");

        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement()) {
                st.execute("create extension if not exists vector");
                st.execute("create extension if not exists postgis");
            }
            try (SessionFactory sf =
                    new HibernatePersistenceConfiguration("pgorm-demo")
                            .managedClasses(Place.class)
                            .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                            .property(AvailableSettings.HBM2DDL_AUTO, "create")
                            .property(AvailableSettings.JSON_FUNCTIONS_ENABLED, true)
                            .createEntityManagerFactory()) {
                run(sf);
            }
        }
    }

    private static void run(SessionFactory sf) {
        section("Sample data");
        sf.inTransaction(
                s -> {
                    s.persist(
                            place(
                                    "Brandenburger Tor",
                                    13.3777,
                                    52.5163,
                                    0.9f,
                                    0.1f,
                                    0.0f,
                                    "landmark"));
                    s.persist(place("Curry 36", 13.3880, 52.4930, 0.1f, 0.9f, 0.1f, "food"));
                    s.persist(place("Museumsinsel", 13.3990, 52.5210, 0.8f, 0.0f, 0.3f, "museum"));
                    s.persist(place("Markthalle Neun", 13.4320, 52.5020, 0.2f, 0.8f, 0.2f, "food"));
                    s.persist(
                            place("Tempelhofer Feld", 13.4010, 52.4730, 0.3f, 0.1f, 0.9f, "park"));
                });
        long count =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from Place", Long.class)
                                        .getSingleResult());
        System.out.printf("  stored %d places%n", count);

        section("Most similar to 'a famous sight' (pgvector cosine distance)");
        List<Object[]> similar =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select p.name, cosine_distance(p.embedding, :q) from Place p"
                                                        + " order by cosine_distance(p.embedding, :q)",
                                                Object[].class)
                                        .setParameter("q", new float[] {1f, 0f, 0.1f})
                                        .setMaxResults(3)
                                        .getResultList());
        for (Object[] row : similar) {
            System.out.printf("  %-20s distance %.3f%n", row[0], ((Number) row[1]).doubleValue());
        }

        section("Nearest to Alexanderplatz (PostGIS distance in metres)");
        Point alex = WGS84.createPoint(new Coordinate(13.4132, 52.5219));
        List<Object[]> nearest =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                "select name, round(st_distance(location::geography,"
                                                        + " st_setsrid(st_makepoint(?, ?), 4326)::geography))"
                                                        + " from place order by 2 limit 3",
                                                Object[].class)
                                        .setParameter(1, alex.getX())
                                        .setParameter(2, alex.getY())
                                        .getResultList());
        for (Object[] row : nearest) {
            System.out.printf("  %-20s %6d m%n", row[0], ((Number) row[1]).longValue());
        }

        section("Food places (JSONB attribute)");
        List<String> food =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select p.name from Place p where json_value(p.attrs, '$.kind') = 'food'"
                                                        + " order by p.name",
                                                String.class)
                                        .getResultList());
        food.forEach(name -> System.out.printf("  %s%n", name));
        System.out.println();
        System.out.println("Demo finished.");
    }

    private static Place place(
            String name, double lon, double lat, float a, float b, float c, String kind) {
        return new Place(
                name,
                WGS84.createPoint(new Coordinate(lon, lat)),
                new float[] {a, b, c},
                Map.of("kind", kind, "city", "Berlin"));
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
