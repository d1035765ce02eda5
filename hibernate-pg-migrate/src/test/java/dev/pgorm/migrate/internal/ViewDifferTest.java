package dev.pgorm.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The view planner on hand-made models: dependency order, replace or rebuild, hazards. */
class ViewDifferTest {

    private static View view(String name, String query, List<String> columns, String... reads) {
        return new View(
                "public",
                name,
                false,
                query,
                true,
                columns,
                List.of(reads),
                null,
                Map.of(),
                Map.of());
    }

    private static View matview(String name, String query, String... reads) {
        return new View(
                "public",
                name,
                true,
                query,
                true,
                List.of("id bigint"),
                List.of(reads),
                null,
                Map.of(),
                Map.of());
    }

    private static SchemaModel model(View... views) {
        Map<String, View> vs = new LinkedHashMap<>();
        for (View v : views) {
            vs.put(v.qname(), v);
        }
        return new SchemaModel(
                Set.of("public"),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                vs,
                Map.of(),
                Map.of());
    }

    private static List<Step> steps(SchemaModel current, SchemaModel desired) {
        PlanBuilder plan = SchemaDiffer.diff(current, desired, LiveFacts.NONE);
        assertThat(plan.unsupported()).isEmpty();
        return plan.steps();
    }

    @Test
    void viewsAreCreatedAfterTheViewsTheyRead() {
        List<Step> steps =
                steps(
                        model(),
                        model(
                                matview("c", "SELECT id FROM public.b", "public.b"),
                                view(
                                        "b",
                                        "SELECT id FROM public.a",
                                        List.of("id bigint"),
                                        "public.a"),
                                view("a", "SELECT 1::bigint AS id", List.of("id bigint"))));
        assertThat(steps.stream().map(Step::sql))
                .containsExactly(
                        "CREATE VIEW public.a AS\nSELECT 1::bigint AS id",
                        "CREATE VIEW public.b AS\nSELECT id FROM public.a",
                        "CREATE MATERIALIZED VIEW public.c AS\nSELECT id FROM public.b\nWITH DATA");
    }

    @Test
    void aViewKeepingItsColumnsIsReplacedInPlace() {
        List<Step> steps =
                steps(
                        model(view("a", "SELECT 1 AS id", List.of("id integer"))),
                        model(
                                view(
                                        "a",
                                        "SELECT 1 AS id, 2 AS n",
                                        List.of("id integer", "n integer"))));
        assertThat(steps)
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.sql()).startsWith("CREATE OR REPLACE VIEW public.a AS");
                            assertThat(s.hazards()).isEmpty();
                        });
    }

    @Test
    void aRebuiltViewTakesTheViewsThatReadItAlongWithoutCascade() {
        SchemaModel current =
                model(
                        view("a", "SELECT 1 AS id", List.of("id integer")),
                        matview("c", "SELECT id FROM public.a", "public.a"));
        SchemaModel desired =
                model(
                        view("a", "SELECT 'x'::text AS id", List.of("id text")),
                        matview("c", "SELECT id FROM public.a", "public.a"));
        List<Step> steps = steps(current, desired);
        assertThat(steps.stream().map(Step::sql))
                .containsExactly(
                        "DROP MATERIALIZED VIEW public.c",
                        "DROP VIEW public.a",
                        "CREATE VIEW public.a AS\nSELECT 'x'::text AS id",
                        "CREATE MATERIALIZED VIEW public.c AS\nSELECT id FROM public.a\nWITH DATA");
        assertThat(steps.get(1).hazards()).containsExactly(PgMigrationHazard.HAS_DEPENDENTS);
        assertThat(steps.get(1).note()).isEqualTo("read by public.c");
        assertThat(steps.get(0).hazards()).containsExactly(PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK);
    }

    @Test
    void aDroppedMaterializedViewDeletesData() {
        assertThat(steps(model(matview("c", "SELECT 1")), model()))
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.sql()).isEqualTo("DROP MATERIALIZED VIEW public.c");
                            assertThat(s.hazards()).containsExactly(PgMigrationHazard.DELETES_DATA);
                        });
    }
}
