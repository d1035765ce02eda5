package dev.pgorm.bench.cases;

import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.BenchmarkCase;
import dev.pgorm.types.PgTypesSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
 * Issue: JSONB without waste. 50,000 entities loaded in one session and flushed with no change: a
 * {@code Map} JSONB attribute against the same JSON text in a plain {@code String} column. One case
 * measures PG-ORM's snapshot ({@code pgorm.types.json-lean}, target: at most 1.5x the String time),
 * the other Hibernate's own mapping (switch off) for reference. Every repetition checks that no
 * UPDATE was sent.
 */
public final class JsonbFlushCase implements BenchmarkCase {

    static final int ROWS = Integer.getInteger("pgorm.bench.jsonb.rows", 50_000);

    /** The entity with the document as text. */
    @Entity(name = "FlushStringDoc")
    @Table(name = "flush_string_doc")
    public static class StringDoc {
        @Id Long id;
        String name;

        @Column(length = 1000)
        String body;
    }

    /** The entity with the document as JSONB. */
    @Entity(name = "FlushJsonDoc")
    @Table(name = "flush_json_doc")
    public static class JsonDoc {
        @Id Long id;
        String name;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;
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

    private final boolean lean;
    private final UpdateCounter counter = new UpdateCounter();
    private SessionFactory strings;
    private SessionFactory documents;
    private double averageLength;

    private JsonbFlushCase(boolean lean) {
        this.lean = lean;
    }

    /** Returns PG-ORM's case and Hibernate's reference case. */
    public static List<BenchmarkCase> all() {
        return List.of(new JsonbFlushCase(true), new JsonbFlushCase(false));
    }

    @Override
    public String name() {
        return lean
                ? "jsonb unchanged flush vs String"
                : "jsonb unchanged flush, Hibernate's own mapping vs String (reference)";
    }

    @Override
    public String baseline() {
        return "50k entities loaded + flush, JSON text in a String column";
    }

    @Override
    public String ours() {
        return lean
                ? "same with a Map jsonb attribute, PG-ORM (lazy read, text snapshot)"
                : "same with a Map jsonb attribute, Hibernate's JsonJavaType (json-lean=false)";
    }

    @Override
    public double target() {
        // JSONB at most 1.5x the String time; the reference row has no target.
        return lean ? 1 / 1.5 : 0;
    }

    @Override
    public void setUp(BenchEnv env) throws Exception {
        Map<String, Object> settings =
                Map.of(
                        AvailableSettings.HBM2DDL_AUTO,
                        "none",
                        AvailableSettings.STATEMENT_INSPECTOR,
                        counter,
                        PgTypesSettings.JSON_LEAN,
                        lean);
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
        strings = env.sessionFactory(List.of(StringDoc.class), settings);
        documents = env.sessionFactory(List.of(JsonDoc.class), settings);
        try (var c = env.dataSource().getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("select avg(length(body)) from flush_string_doc")) {
            rs.next();
            averageLength = rs.getDouble(1);
        }
    }

    @Override
    public void runBaseline() {
        loadAndFlush(strings, "FlushStringDoc", StringDoc.class);
    }

    @Override
    public void runOurs() {
        loadAndFlush(documents, "FlushJsonDoc", JsonDoc.class);
    }

    private void loadAndFlush(SessionFactory factory, String entityName, Class<?> entity) {
        long before = counter.updates.get();
        factory.inTransaction(
                s -> {
                    int n =
                            s.createSelectionQuery("from " + entityName, entity)
                                    .getResultList()
                                    .size();
                    if (n != ROWS) {
                        throw new IllegalStateException("loaded " + n + " rows, not " + ROWS);
                    }
                    s.flush();
                });
        long updates = counter.updates.get() - before;
        if (updates != 0) {
            throw new IllegalStateException(
                    "an unchanged flush of "
                            + entity.getSimpleName()
                            + " sent "
                            + updates
                            + " UPDATEs");
        }
    }

    @Override
    public String notes() {
        return String.format(
                Locale.ROOT,
                "%,d rows, documents of %.0f characters on average; every repetition checked that"
                        + " no UPDATE was sent%s",
                ROWS,
                averageLength,
                lean ? "" : "; Hibernate's own number, shown for reference (no target)");
    }
}
