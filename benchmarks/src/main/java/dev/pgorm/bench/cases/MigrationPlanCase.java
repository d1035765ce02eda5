package dev.pgorm.bench.cases;

import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.migrate.internal.PlanTimings;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Issue 15: planning a 200-entity model against its previous version. Version 1 is 200 entities
 * (id, three columns, an index, a foreign key to the previous entity; see {@link
 * GeneratedEntities}); version 2 adds a column to 50 of them and changes the index of 20 others.
 * Ours plans v2 against a live database created with v1 ({@code fromDatabase}), verification
 * included; the baseline, for scale, is Hibernate's {@code create} of the 200 tables. A reference
 * row without a target; the notes give the share of the planning time spent creating and dropping
 * temporary databases.
 */
public final class MigrationPlanCase implements BenchmarkCase {

    static final int ENTITIES = 200;
    static final int ADDED_COLUMNS = 50;
    static final int CHANGED_INDEXES = 20;
    private static final String LIVE = "pgorm_bench_migrate_live";

    private BenchEnv env;
    private List<Class<?>> v1;
    private List<Class<?>> v2;
    private String liveUrl;
    private final List<PlanTimings> timings = new ArrayList<>();
    private int statements;

    @Override
    public String name() {
        return "200-entity migration plan";
    }

    @Override
    public String baseline() {
        return "create the 200 tables with Hibernate's create";
    }

    @Override
    public String ours() {
        return "plan v1→v2 (verified)";
    }

    @Override
    public double target() {
        return 0;
    }

    @Override
    public int repetitions() {
        return 5;
    }

    @Override
    public void setUp(BenchEnv env) throws Exception {
        this.env = env;
        v1 = GeneratedEntities.version("v1", ENTITIES, 0, 0);
        v2 = GeneratedEntities.version("v2", ENTITIES, ADDED_COLUMNS, CHANGED_INDEXES);
        serverStatement("DROP DATABASE IF EXISTS " + PgIdentifiers.quote(LIVE) + " WITH (FORCE)");
        serverStatement("CREATE DATABASE " + PgIdentifiers.quote(LIVE) + " TEMPLATE template0");
        liveUrl = withDatabase(env.url(), LIVE);
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, liveUrl);
        settings.put(AvailableSettings.JAKARTA_JDBC_USER, env.user());
        if (env.password() != null) {
            settings.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, env.password());
        }
        create(v1, settings);
        timings.clear();
    }

    @Override
    public void runBaseline() throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, env.dataSource());
        create(v1, settings);
    }

    @Override
    public void runOurs() {
        PgMigrationPlan plan =
                PgMigrations.planner()
                        .entities(v2.toArray(Class<?>[]::new))
                        .properties(loader(v2))
                        .scratch(env.url(), env.user(), env.password())
                        .fromDatabase(liveUrl, env.user(), env.password())
                        .allow(PgMigrationHazard.INDEX_BUILD, PgMigrationHazard.INDEX_DROPPED)
                        .plan();
        long added = plan.statements().stream().filter(s -> s.sql().contains("ADD COLUMN")).count();
        long built =
                plan.statements().stream()
                        .filter(s -> s.sql().startsWith("CREATE INDEX CONCURRENTLY"))
                        .count();
        if (added != ADDED_COLUMNS || built != CHANGED_INDEXES) {
            throw new IllegalStateException(
                    "unexpected plan: "
                            + added
                            + " columns added, "
                            + built
                            + " indexes built: "
                            + plan.statements());
        }
        statements = plan.statements().size();
        timings.add(PlanTimings.last());
    }

    @Override
    public String notes() {
        List<Double> shares = new ArrayList<>();
        long creates = 0;
        for (PlanTimings t : timings) {
            shares.add(100.0 * t.tempDatabaseNanos() / t.totalNanos());
            creates = t.tempDatabases().size();
        }
        shares.sort(null);
        return String.format(
                Locale.ROOT,
                "%d statements planned (%d columns added, %d indexes rebuilt concurrently); each"
                        + " plan creates and drops %d temporary databases, which take %.0f%%"
                        + " (median; %.0f-%.0f%%) of the planning time; warm-up plans included",
                statements,
                ADDED_COLUMNS,
                CHANGED_INDEXES,
                creates,
                shares.get(shares.size() / 2),
                shares.get(0),
                shares.get(shares.size() - 1));
    }

    @Override
    public void tearDown() throws Exception {
        serverStatement("DROP DATABASE IF EXISTS " + PgIdentifiers.quote(LIVE) + " WITH (FORCE)");
    }

    /** Hibernate loads the entity classes by name: it needs the generated classes' loader. */
    private static Map<String, Object> loader(List<Class<?>> entities) {
        return Map.of(AvailableSettings.CLASSLOADERS, List.of(entities.get(0).getClassLoader()));
    }

    private static void create(List<Class<?>> entities, Map<String, Object> settings) {
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create");
        settings.putAll(loader(entities));
        try (EntityManagerFactory f =
                new HibernatePersistenceConfiguration("pgorm-bench-migrate")
                        .managedClasses(entities)
                        .properties(settings)
                        .createEntityManagerFactory()) {
            f.getMetamodel();
        }
    }

    private void serverStatement(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(env.url(), env.user(), env.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        int slash = url.indexOf('/', hosts + 2);
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        int end = slash < 0 ? (query < 0 ? url.length() : query) : slash;
        return url.substring(0, end) + "/" + database + params;
    }
}
