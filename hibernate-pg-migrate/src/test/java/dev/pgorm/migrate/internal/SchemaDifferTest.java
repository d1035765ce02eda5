package dev.pgorm.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.Column;
import dev.pgorm.migrate.internal.SchemaModel.Constraint;
import dev.pgorm.migrate.internal.SchemaModel.Index;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The differ on hand-made models: dependency order and the zero-downtime forms, without a server.
 */
class SchemaDifferTest {

    private static final Constraint PK =
            new Constraint("t_pkey", "p", "PRIMARY KEY (id)", true, List.of("id"), "btree (id)");

    private static Column col(String name, String type, boolean notNull) {
        return new Column(name, type, notNull, null, "", false, null);
    }

    private static Table table(
            String name, List<Column> columns, List<Constraint> constraints, List<Index> indexes) {
        Map<String, Constraint> cs = new LinkedHashMap<>();
        constraints.forEach(c -> cs.put(c.name(), c));
        Map<String, Index> is = new LinkedHashMap<>();
        indexes.forEach(i -> is.put(i.name(), i));
        return new Table("public", name, TableForm.PLAIN, false, false, columns, cs, is);
    }

    private static SchemaModel model(List<Table> tables, List<EnumType> enums) {
        Map<String, Table> ts = new LinkedHashMap<>();
        tables.forEach(t -> ts.put(t.qname(), t));
        Map<String, EnumType> es = new LinkedHashMap<>();
        enums.forEach(e -> es.put(e.qname(), e));
        return new SchemaModel(
                Set.of("public"),
                Map.of(),
                es,
                Map.of(),
                Map.of(),
                Map.of(),
                ts,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());
    }

    private static List<String> sql(SchemaModel current, SchemaModel desired) {
        PlanBuilder plan = SchemaDiffer.diff(current, desired, LiveFacts.NONE);
        assertThat(plan.unsupported()).isEmpty();
        return plan.steps().stream().map(Step::sql).toList();
    }

    @Test
    void dropsForeignKeysBeforeTablesAndCreatesTablesBeforeForeignKeys() {
        Constraint fk =
                new Constraint(
                        "b_a_fk",
                        "f",
                        "FOREIGN KEY (a_id) REFERENCES public.a(id)",
                        true,
                        List.of("a_id"),
                        null);
        Table a = table("a", List.of(col("id", "bigint", true)), List.of(PK), List.of());
        Table b =
                table(
                        "b",
                        List.of(col("id", "bigint", true), col("a_id", "bigint", false)),
                        List.of(fk),
                        List.of());
        Table c =
                table(
                        "c",
                        List.of(col("id", "bigint", true), col("a_id", "bigint", false)),
                        List.of(fk),
                        List.of());
        assertThat(sql(model(List.of(a, b), List.of()), model(List.of(a, c), List.of())))
                .containsExactly(
                        "ALTER TABLE public.b DROP CONSTRAINT b_a_fk",
                        "DROP TABLE public.b",
                        "CREATE TABLE public.c (\n    id bigint NOT NULL,\n    a_id bigint\n)",
                        "ALTER TABLE public.c ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES public.a(id)");
    }

    @Test
    void anIndexOnANewColumnIsBuiltAfterTheColumnAndADroppedOneBeforeTheColumnGoes() {
        Table old =
                table(
                        "t",
                        List.of(col("id", "bigint", true), col("x", "integer", false)),
                        List.of(PK),
                        List.of(new Index("t_x_idx", false, "btree (x)", true)));
        Table now =
                table(
                        "t",
                        List.of(col("id", "bigint", true), col("y", "text", false)),
                        List.of(PK),
                        List.of(new Index("t_y_idx", false, "btree (y)", true)));
        assertThat(sql(model(List.of(old), List.of()), model(List.of(now), List.of())))
                .containsExactly(
                        "DROP INDEX CONCURRENTLY public.t_x_idx",
                        "ALTER TABLE public.t ADD COLUMN y text",
                        "ALTER TABLE public.t DROP COLUMN x",
                        "CREATE INDEX CONCURRENTLY t_y_idx ON public.t USING btree (y)");
    }

    @Test
    void enumLabelsAreAddedOutsideATransactionAndReorderingIsRefused() {
        EnumType was = new EnumType("public", "mood", List.of("ok", "sad"));
        EnumType now = new EnumType("public", "mood", List.of("happy", "ok", "meh", "sad"));
        PlanBuilder plan =
                SchemaDiffer.diff(
                        model(List.of(), List.of(was)),
                        model(List.of(), List.of(now)),
                        LiveFacts.NONE);
        List<PgMigrationStatement> out = plan.render(Duration.ofSeconds(3), Duration.ofSeconds(30));
        assertThat(
                        out.stream()
                                .filter(s -> !s.sql().startsWith("SET "))
                                .map(PgMigrationStatement::sql))
                .containsExactly(
                        "ALTER TYPE public.mood ADD VALUE 'happy' BEFORE 'ok'",
                        "ALTER TYPE public.mood ADD VALUE 'meh' AFTER 'ok'");
        assertThat(out).noneMatch(PgMigrationStatement::transactional);

        EnumType reordered = new EnumType("public", "mood", List.of("sad", "ok"));
        assertThat(
                        SchemaDiffer.diff(
                                        model(List.of(), List.of(was)),
                                        model(List.of(), List.of(reordered)),
                                        LiveFacts.NONE)
                                .unsupported())
                .singleElement()
                .asString()
                .contains("not supported yet");
    }

    @Test
    void aColumnBecomingNotNullGoesThroughAValidatedCheck() {
        Table old =
                table(
                        "t",
                        List.of(col("id", "bigint", true), col("x", "integer", false)),
                        List.of(PK),
                        List.of());
        Table now =
                table(
                        "t",
                        List.of(col("id", "bigint", true), col("x", "integer", true)),
                        List.of(PK),
                        List.of());
        PlanBuilder plan =
                SchemaDiffer.diff(
                        model(List.of(old), List.of()),
                        model(List.of(now), List.of()),
                        LiveFacts.NONE);
        assertThat(plan.steps())
                .extracting(Step::sql, Step::newGroup)
                .containsExactly(
                        tuple(
                                "ALTER TABLE public.t ADD CONSTRAINT t_x_not_null CHECK (x IS NOT NULL) NOT VALID",
                                false),
                        tuple("ALTER TABLE public.t VALIDATE CONSTRAINT t_x_not_null", true),
                        tuple("ALTER TABLE public.t ALTER COLUMN x SET NOT NULL", true),
                        tuple("ALTER TABLE public.t DROP CONSTRAINT t_x_not_null", false));
        assertThat(plan.steps().get(1).hazards()).containsExactly(PgMigrationHazard.VALIDATES_DATA);
    }

    private static Map<String, Set<PgMigrationHazard>> hazards(
            SchemaModel current, SchemaModel desired) {
        PlanBuilder plan = SchemaDiffer.diff(current, desired, LiveFacts.NONE);
        Map<String, Set<PgMigrationHazard>> out = new LinkedHashMap<>();
        plan.steps().forEach(s -> out.put(s.sql(), s.hazards()));
        return out;
    }

    @Test
    void rewritesAndDroppedTablesHoldAnAccessExclusiveLockAndBriefChangesDoNot() {
        Table old =
                table(
                        "t",
                        List.of(
                                col("id", "bigint", true),
                                col("n", "integer", false),
                                col("s", "character varying(10)", false),
                                col("gone", "text", false)),
                        List.of(PK),
                        List.of());
        Column volatileDefault =
                new Column("token", "uuid", false, "gen_random_uuid()", "", false, null);
        Column constantDefault = new Column("k", "integer", false, "0", "", false, null);
        Table now =
                table(
                        "t",
                        List.of(
                                col("id", "bigint", true),
                                col("n", "bigint", false),
                                col("s", "character varying(20)", false),
                                volatileDefault,
                                constantDefault),
                        List.of(PK),
                        List.of());
        Table dropped = table("d", List.of(col("id", "bigint", true)), List.of(), List.of());
        Map<String, Set<PgMigrationHazard>> hazards =
                hazards(model(List.of(old, dropped), List.of()), model(List.of(now), List.of()));
        assertThat(hazards)
                .containsEntry(
                        "ALTER TABLE public.t ALTER COLUMN n TYPE bigint USING n::bigint",
                        Set.of(
                                PgMigrationHazard.TABLE_REWRITE,
                                PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK))
                .containsEntry(
                        "ALTER TABLE public.t ADD COLUMN token uuid DEFAULT gen_random_uuid()",
                        Set.of(
                                PgMigrationHazard.TABLE_REWRITE,
                                PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK))
                .containsEntry(
                        "DROP TABLE public.d",
                        Set.of(
                                PgMigrationHazard.DELETES_DATA,
                                PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK))
                // brief: a catalog update under the lock, no scan and no rewrite
                .containsEntry(
                        "ALTER TABLE public.t ALTER COLUMN s TYPE character varying(20)", Set.of())
                .containsEntry("ALTER TABLE public.t ADD COLUMN k integer DEFAULT 0", Set.of())
                .containsEntry(
                        "ALTER TABLE public.t DROP COLUMN gone",
                        Set.of(PgMigrationHazard.DELETES_DATA));
    }
}
