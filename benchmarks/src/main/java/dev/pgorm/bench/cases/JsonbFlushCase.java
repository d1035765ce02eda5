package dev.pgorm.bench.cases;

import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.types.PgTypesSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.type.SqlTypes;

/**
 * Issue: JSONB without waste. 50,000 entities loaded in one session and flushed with no change,
 * every repetition checking that no UPDATE was sent.
 *
 * <p>The target row compares a {@code Map} JSONB attribute with PG-ORM's mapping against the same
 * entities with the attribute declared as a plain {@code String} on the same {@code jsonb} column
 * (at most 1.5x its time): the cost of the mapping. Reference rows, without a target, show the same
 * Map against a {@code String} in a {@code varchar} column, what PostgreSQL's {@code jsonb} output
 * alone costs over {@code varchar} (no mapping can go under it), and Hibernate's own JSON mapping.
 */
public final class JsonbFlushCase implements BenchmarkCase {

    static final int ROWS = Integer.getInteger("pgorm.bench.jsonb.rows", 50_000);

    /** The entity with the document as text in a varchar column. */
    @Entity(name = "FlushStringDoc")
    @Table(name = "flush_string_doc")
    public static class StringDoc {
        @Id Long id;
        String name;

        @Column(length = 1000)
        String body;
    }

    /** The entity with the jsonb document in a plain String attribute. */
    @Entity(name = "FlushJsonTextDoc")
    @Table(name = "flush_json_doc")
    public static class JsonTextDoc {
        @Id Long id;
        String name;

        @JdbcTypeCode(SqlTypes.JSON)
        String attrs;
    }

    /** The entity with the jsonb document in a Map attribute. */
    @Entity(name = "FlushJsonDoc")
    @Table(name = "flush_json_doc")
    public static class JsonDoc {
        @Id Long id;
        String name;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;
    }

    /** One way of holding the documents: a table, an entity and the settings it is loaded with. */
    enum Side {
        VARCHAR_STRING("a String in a varchar column", StringDoc.class, true),
        JSONB_STRING("a String attribute on the jsonb column", JsonTextDoc.class, true),
        MAP_PGORM("a Map jsonb attribute, PG-ORM (lazy read, text snapshot)", JsonDoc.class, true),
        MAP_HIBERNATE(
                "a Map jsonb attribute, Hibernate's JsonJavaType (json_lean=false)",
                JsonDoc.class,
                false);

        final String description;
        final Class<?> entity;
        final boolean lean;

        Side(String description, Class<?> entity, boolean lean) {
            this.description = description;
            this.entity = entity;
            this.lean = lean;
        }
    }

    /** Counts UPDATE statements. */
    static final class UpdateCounter implements StatementInspector {
        private static final long serialVersionUID = 1L;
        final AtomicLong updates = new AtomicLong();

        @Override
        public String inspect(String sql) {
            if (sql.regionMatches(true, 0, "update", 0, 6)) {
                updates.incrementAndGet();
            }
            return sql;
        }
    }

    private final String name;
    private final Side baseline;
    private final Side ours;
    private final double target;
    private final String note;
    private final UpdateCounter counter = new UpdateCounter();
    private final Map<Side, SessionFactory> factories = new EnumMap<>(Side.class);
    private double averageLength;

    private JsonbFlushCase(String name, Side baseline, Side ours, double target, String note) {
        this.name = name;
        this.baseline = baseline;
        this.ours = ours;
        this.target = target;
        this.note = note;
    }

    /** Returns the target case and the reference cases. */
    public static List<BenchmarkCase> all() {
        return List.of(
                new JsonbFlushCase(
                        "jsonb unchanged flush, Map vs String on the same jsonb column",
                        Side.JSONB_STRING,
                        Side.MAP_PGORM,
                        1 / 1.5,
                        "target: the Map costs at most 1.5x the String"),
                new JsonbFlushCase(
                        "jsonb unchanged flush, Map vs String in a varchar column (reference)",
                        Side.VARCHAR_STRING,
                        Side.MAP_PGORM,
                        0,
                        "includes PostgreSQL's jsonb output (next row); no target"),
                new JsonbFlushCase(
                        "jsonb output alone, String on jsonb vs String in varchar (reference)",
                        Side.VARCHAR_STRING,
                        Side.JSONB_STRING,
                        0,
                        "the same String mapping on both sides: the difference is the server"
                                + " turning jsonb into text, the floor for any jsonb mapping;"
                                + " no target"),
                new JsonbFlushCase(
                        "jsonb unchanged flush, Hibernate's own Map mapping vs String on jsonb"
                                + " (reference)",
                        Side.JSONB_STRING,
                        Side.MAP_HIBERNATE,
                        0,
                        "Hibernate's own number, shown for reference (no target)"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String baseline() {
        return "50k entities loaded + flush, " + baseline.description;
    }

    @Override
    public String ours() {
        return "same with " + ours.description;
    }

    @Override
    public double target() {
        return target;
    }

    @Override
    public void setUp(BenchEnv env) throws Exception {
        env.execute(
                "create table if not exists flush_json_doc (id bigint primary key, name varchar(255), attrs jsonb)",
                "create table if not exists flush_string_doc (id bigint primary key, name varchar(255), body varchar(1000))",
                "truncate flush_json_doc, flush_string_doc",
                "insert into flush_json_doc (id, name, attrs) select g, 'doc ' || g, jsonb_build_object("
                        + "'sku', 'SKU-' || lpad(g::text, 8, '0'), 'color', (array['red','green','blue'])[g % 3 + 1],"
                        + " 'size', g % 50, 'price', round((g % 1000) / 7.0, 2), 'active', g % 2 = 0,"
                        + " 'tags', jsonb_build_array('alpha', 'beta', 'gamma'),"
                        + " 'dims', jsonb_build_object('w', g % 17, 'h', g % 23, 'd', g % 5),"
                        + " 'note', 'lorem ipsum dolor sit amet') from generate_series(1, "
                        + ROWS
                        + ") g",
                "insert into flush_string_doc (id, name, body) select id, name, attrs::text from flush_json_doc",
                "vacuum analyze flush_json_doc",
                "vacuum analyze flush_string_doc");
        for (Side side : List.of(baseline, ours)) {
            Map<String, Object> settings =
                    Map.of(
                            AvailableSettings.HBM2DDL_AUTO,
                            "none",
                            AvailableSettings.STATEMENT_INSPECTOR,
                            counter,
                            PgTypesSettings.JSON_LEAN,
                            side.lean);
            factories.put(side, env.sessionFactory(List.of(side.entity), settings));
        }
        try (var c = env.dataSource().getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("select avg(length(body)) from flush_string_doc")) {
            rs.next();
            averageLength = rs.getDouble(1);
        }
    }

    @Override
    public void runBaseline() {
        loadAndFlush(baseline);
    }

    @Override
    public void runOurs() {
        loadAndFlush(ours);
    }

    private void loadAndFlush(Side side) {
        long before = counter.updates.get();
        factories
                .get(side)
                .inTransaction(
                        s -> {
                            int n =
                                    s.createSelectionQuery(
                                                    "from "
                                                            + side.entity
                                                                    .getAnnotation(Entity.class)
                                                                    .name(),
                                                    side.entity)
                                            .getResultList()
                                            .size();
                            if (n != ROWS) {
                                throw new IllegalStateException(
                                        "loaded " + n + " rows, not " + ROWS);
                            }
                            s.flush();
                        });
        long updates = counter.updates.get() - before;
        if (updates != 0) {
            throw new IllegalStateException(
                    "an unchanged flush of " + side + " sent " + updates + " UPDATEs");
        }
    }

    @Override
    public void tearDown() {
        factories.clear(); // BenchEnv closes them
    }

    @Override
    public String notes() {
        return String.format(
                Locale.ROOT,
                "%,d rows, documents of %.0f characters on average; every repetition checked that"
                        + " no UPDATE was sent; %s",
                ROWS,
                averageLength,
                note);
    }
}
