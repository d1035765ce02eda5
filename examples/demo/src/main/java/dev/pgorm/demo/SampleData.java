package dev.pgorm.demo;

import dev.pgorm.types.PgRange;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Demo section: five Berlin places, stored into the tables that the Flyway migration created. */
final class SampleData {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private static final Map<String, String> DISTRICTS =
            Map.of(
                    "Brandenburger Tor", "Berlin.Mitte",
                    "Curry 36", "Berlin.Kreuzberg",
                    "Museumsinsel", "Berlin.Mitte.Spreeinsel",
                    "Markthalle Neun", "Berlin.Kreuzberg",
                    "Tempelhofer Feld", "Berlin.Tempelhof");

    private static final Map<String, String> DESCRIPTIONS =
            Map.of(
                    "Brandenburger Tor",
                            "Neoclassical gate, the landmark of Berlin and of German reunification",
                    "Curry 36", "Currywurst stand in Kreuzberg, open late",
                    "Museumsinsel", "Island of five museums of art and archaeology on the Spree",
                    "Markthalle Neun", "Market hall with street food on Thursdays",
                    "Tempelhofer Feld",
                            "Former airport turned into a huge park for kites and bikes");

    private SampleData() {}

    static void load(SessionFactory sf) {
        DemoConsole.section(
                "Sample data (into the tables, partitions and indexes the migration created)");
        sf.inTransaction(
                s -> {
                    s.persist(
                            place(
                                    1,
                                    "Brandenburger Tor",
                                    13.3777,
                                    52.5163,
                                    0.9f,
                                    0.1f,
                                    0.0f,
                                    "landmark"));
                    s.persist(place(2, "Curry 36", 13.3880, 52.4930, 0.1f, 0.9f, 0.1f, "food"));
                    s.persist(
                            place(3, "Museumsinsel", 13.3990, 52.5210, 0.8f, 0.0f, 0.3f, "museum"));
                    s.persist(
                            place(
                                    4,
                                    "Markthalle Neun",
                                    13.4320,
                                    52.5020,
                                    0.2f,
                                    0.8f,
                                    0.2f,
                                    "food"));
                    s.persist(
                            place(
                                    5,
                                    "Tempelhofer Feld",
                                    13.4010,
                                    52.4730,
                                    0.3f,
                                    0.1f,
                                    0.9f,
                                    "park"));
                });
        long count =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from Place", Long.class)
                                        .getSingleResult());
        System.out.printf("  stored %d places%n", count);
    }

    private static Place place(
            long id, String name, double lon, double lat, float a, float b, float c, String kind) {
        // Parks close in winter; everything else is open all year.
        PgRange<LocalDate> season =
                kind.equals("park")
                        ? PgRange.closed(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 10, 31))
                        : PgRange.atLeast(LocalDate.of(2026, 1, 1));
        return new Place(
                id,
                name,
                WGS84.createPoint(new Coordinate(lon, lat)),
                new float[] {a, b, c},
                Map.of("kind", kind, "city", "Berlin"),
                season,
                DISTRICTS.get(name),
                DESCRIPTIONS.get(name));
    }
}
