package dev.pgorm.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.bulk.PgBulk;
import dev.pgorm.ddl.partition.PgPartitionInfo;
import dev.pgorm.ddl.partition.PgPartitions;
import dev.pgorm.ddl.view.PgMaterializedViews;
import dev.pgorm.notify.PgListener;
import dev.pgorm.rls.RlsContext;
import dev.pgorm.rls.RlsDeploymentCheck;
import dev.pgorm.types.PgRange;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * PG-ORM's demo: boots Hibernate on a HikariCP pool against the local PostgreSQL, lets schema
 * export create tables, extensions, indexes, partitions and a materialized view, loads sample data
 * and prints the results of a few PostgreSQL-flavoured queries.
 *
 * <p>Database: {@code PGORM_DEMO_URL} (default {@code
 * jdbc:postgresql://localhost:5432/pgorm_demo}), {@code PGORM_DEMO_USER} (default {@code
 * postgres}), {@code PGORM_DEMO_PASSWORD}.
 */
public final class DemoApp {

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

    private DemoApp() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(env("PGORM_DEMO_URL", "jdbc:postgresql://localhost:5432/pgorm_demo"));
        pool.setUsername(env("PGORM_DEMO_USER", "postgres"));
        pool.setPassword(env("PGORM_DEMO_PASSWORD", null));
        pool.setMaximumPoolSize(4);
        pool.setPoolName("pgorm-demo");

        try (HikariDataSource dataSource = new HikariDataSource(pool);
                SessionFactory sf =
                        new HibernatePersistenceConfiguration("pgorm-demo")
                                .managedClasses(
                                        Place.class, Visit.class, PlaceVisits.class, Note.class)
                                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                                // The demo starts from scratch each run; applications use update or
                                // scripts.
                                .property(AvailableSettings.HBM2DDL_AUTO, "create")
                                .property(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true)
                                .createEntityManagerFactory()) {
            loadPlaces(sf);
            partitions(sf);
            similar(sf);
            nearest(sf);
            jsonb(sf);
            materializedView(sf);
            openOn(sf, LocalDate.of(2026, 12, 24));
            search(sf, "museums of art");
            inDistrict(sf, "Berlin.Mitte");
            twoTenants(sf);
        }
        System.out.println();
        System.out.println("Demo finished.");
    }

    private static void loadPlaces(SessionFactory sf) {
        section(
                "Sample data (schema export created extensions, indexes, partitions and a materialized view)");
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

    private static void partitions(SessionFactory sf) {
        section("Monthly partitions for visits (PgPartitions.ensureRange)");
        List<String> created =
                sf.fromTransaction(
                        em ->
                                PgPartitions.ensureRange(
                                        em,
                                        Visit.class,
                                        LocalDate.of(2026, 1, 1),
                                        LocalDate.of(2026, 7, 1),
                                        Period.ofMonths(1)));
        System.out.printf("  created %s%n", String.join(", ", created));
        List<Visit> visits = new java.util.ArrayList<>();
        long id = 1;
        for (int day = 0; day < 181; day++) {
            LocalDate date = LocalDate.of(2026, 1, 1).plusDays(day);
            for (long place = 1; place <= 5; place++) {
                if ((day + place) % (place + 1) == 0) {
                    visits.add(new Visit(id++, date, place));
                }
            }
        }
        long loaded = sf.fromTransaction(em -> PgBulk.insert(em, visits));
        System.out.printf("  loaded %d visits with PgBulk.insert (COPY)%n", loaded);
        List<PgPartitionInfo> partitions =
                sf.fromTransaction(em -> PgPartitions.list(em, Visit.class));
        for (PgPartitionInfo p : partitions) {
            long rows =
                    sf.fromTransaction(
                            s ->
                                    ((Number)
                                                    s.createNativeQuery(
                                                                    "select count(*) from \""
                                                                            + p.name()
                                                                                    .replace(
                                                                                            "\"",
                                                                                            "\"\"")
                                                                            + "\"",
                                                                    Long.class)
                                                            .getSingleResult())
                                            .longValue());
            System.out.printf("  %-18s %-50s %4d rows%n", p.name(), p.bound(), rows);
        }
    }

    private static void similar(SessionFactory sf) {
        section("Most similar to 'a famous sight' (pgvector cosine distance, HNSW index)");
        List<Object[]> rows =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select p.name, cosine_distance(p.embedding, :q) from Place p order by cosine_distance(p.embedding, :q)",
                                                Object[].class)
                                        .setParameter("q", new float[] {1f, 0f, 0.1f})
                                        .setMaxResults(3)
                                        .getResultList());
        for (Object[] row : rows) {
            System.out.printf("  %-20s distance %.3f%n", row[0], ((Number) row[1]).doubleValue());
        }
    }

    private static void nearest(SessionFactory sf) {
        section("Nearest to Alexanderplatz (PostGIS distance in metres)");
        List<Object[]> rows =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                "select name, round(st_distance(location::geography, st_setsrid(st_makepoint(?, ?), 4326)::geography))"
                                                        + " from place order by 2 limit 3",
                                                Object[].class)
                                        .setParameter(1, 13.4132)
                                        .setParameter(2, 52.5219)
                                        .getResultList());
        for (Object[] row : rows) {
            System.out.printf("  %-20s %6d m%n", row[0], ((Number) row[1]).longValue());
        }
    }

    private static void jsonb(SessionFactory sf) {
        section("Food places (JSONB containment, GIN index)");
        List<String> food =
                sf.fromTransaction(
                        s ->
                                // HQL jsonb_contains renders attrs @> ?; the Map is bound as jsonb
                                s.createSelectionQuery(
                                                "select p.name from Place p where jsonb_contains(p.attrs, :probe)"
                                                        + " order by p.name",
                                                String.class)
                                        .setParameter("probe", Map.of("kind", "food"))
                                        .getResultList());
        food.forEach(name -> System.out.printf("  %s%n", name));
    }

    private static void materializedView(SessionFactory sf) {
        section("Visits per place (materialized view, refreshed concurrently)");
        sf.inTransaction(em -> PgMaterializedViews.refresh(em, PlaceVisits.class, true));
        List<PlaceVisits> rows =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "from PlaceVisits order by visits desc, name",
                                                PlaceVisits.class)
                                        .getResultList());
        for (PlaceVisits row : rows) {
            System.out.printf("  %-20s %4d visits%n", row.name, row.visits);
        }
    }

    private static void twoTenants(SessionFactory owner) {
        section("Two tenants (row-level security, as the unprivileged role pgorm_app)");
        java.util.concurrent.BlockingQueue<String> changes =
                new java.util.concurrent.LinkedBlockingQueue<>();
        // start() returns once the listener is listening: the notes below are all received
        try (PgListener listener =
                PgListener.builder(
                                env(
                                        "PGORM_DEMO_URL",
                                        "jdbc:postgresql://localhost:5432/pgorm_demo"),
                                env("PGORM_DEMO_USER", "postgres"),
                                env("PGORM_DEMO_PASSWORD", null))
                        .listen("note_changes", n -> changes.add(n.payload()))
                        .build()
                        .start()) {
            tenantsAndChanges(owner, changes);
        }
    }

    private static void tenantsAndChanges(
            SessionFactory owner, java.util.concurrent.BlockingQueue<String> changes) {
        owner.inTransaction(
                s -> {
                    s.persist(new Note(1L, "acme", "acme: renew the office lease"));
                    s.persist(new Note(2L, "acme", "acme: order printer toner"));
                    s.persist(new Note(3L, "globex", "globex: plan the summer party"));
                    s.createNativeQuery(
                                    "grant select, insert, update, delete on note to pgorm_app",
                                    Object.class)
                            .executeUpdate();
                });
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env("PGORM_DEMO_URL", "jdbc:postgresql://localhost:5432/pgorm_demo"));
        config.setUsername(env("PGORM_DEMO_APP_USER", "pgorm_app"));
        config.setPassword(env("PGORM_DEMO_APP_PASSWORD", "pgorm_app"));
        config.setMaximumPoolSize(1);
        try (HikariDataSource appPool = new HikariDataSource(config);
                SessionFactory app =
                        new HibernatePersistenceConfiguration("pgorm-demo-app")
                                .managedClasses(Note.class)
                                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, appPool)
                                .property(AvailableSettings.HBM2DDL_AUTO, "none")
                                .createEntityManagerFactory()) {
            for (String tenant : List.of("acme", "globex")) {
                try (RlsContext.Scope scope = RlsContext.set("app.tenant", tenant)) {
                    List<String> notes =
                            app.fromTransaction(
                                    s ->
                                            s.createSelectionQuery(
                                                            "select n.text from Note n order by n.id",
                                                            String.class)
                                                    .getResultList());
                    System.out.printf("  as %-7s %s%n", tenant, notes);
                }
            }
            long none =
                    app.fromTransaction(
                            s ->
                                    s.createSelectionQuery("select count(*) from Note", Long.class)
                                            .getSingleResult());
            System.out.printf("  no tenant: %d notes visible%n", none);
            System.out.printf(
                    "  deployment check as pgorm_app: %s%n",
                    RlsDeploymentCheck.check(app).isEmpty()
                            ? "RLS applies"
                            : RlsDeploymentCheck.check(app));
            System.out.printf(
                    "  deployment check as the owner: %s%n", RlsDeploymentCheck.check(owner));
        }
        section(
                "Change events received by the demo's own listener (LISTEN/NOTIFY, sent on commit)");
        for (int i = 0; i < 3; i++) {
            try {
                String change = changes.poll(5, java.util.concurrent.TimeUnit.SECONDS);
                System.out.printf("  %s%n", change == null ? "(none arrived)" : change);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void search(SessionFactory sf, String words) {
        section("Search \"" + words + "\" (full-text search, ranked and highlighted)");
        List<Object[]> rows =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select p.name, ts_rank(p.search, websearch_to_tsquery('english', :q)),"
                                                        + " ts_headline('english', p.description, websearch_to_tsquery('english', :q), 'StartSel=[, StopSel=]')"
                                                        + " from Place p where ts_match(p.search, websearch_to_tsquery('english', :q))"
                                                        + " order by 2 desc",
                                                Object[].class)
                                        .setParameter("q", words)
                                        .getResultList());
        for (Object[] row : rows) {
            System.out.printf(
                    "  %-20s rank %.3f  %s%n", row[0], ((Number) row[1]).doubleValue(), row[2]);
        }
    }

    private static void openOn(SessionFactory sf, LocalDate day) {
        section("Open on " + day + " (daterange containment)");
        List<Object[]> rows =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                "select name, season from place where season @> cast(:day as date) order by name",
                                                Object[].class)
                                        .addScalar("name", String.class)
                                        .addScalar("season", PgRange.class)
                                        .setParameter("day", day)
                                        .getResultList());
        for (Object[] row : rows) {
            System.out.printf("  %-20s season %s%n", row[0], row[1]);
        }
    }

    private static void inDistrict(SessionFactory sf, String district) {
        section("In " + district + " (ltree: the district and everything below it)");
        List<String> names =
                sf.fromTransaction(
                        s ->
                                s.createNativeQuery(
                                                "select name from place where district <@ cast(:district as ltree) order by name",
                                                String.class)
                                        .setParameter("district", district)
                                        .getResultList());
        names.forEach(name -> System.out.println("  " + name));
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

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
