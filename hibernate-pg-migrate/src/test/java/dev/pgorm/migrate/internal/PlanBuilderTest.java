package dev.pgorm.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

    @Test
    void ordersByPhaseWhateverOrderStepsArriveIn() {
        PlanBuilder plan = new PlanBuilder();
        plan.add(Phase.DROP_TYPES, "DROP TYPE t");
        plan.add(Phase.FOREIGN_KEYS, "ADD FK");
        plan.add(Phase.CREATE_TABLES, "CREATE TABLE a");
        plan.add(Phase.EXTENSIONS, "CREATE EXTENSION e");
        plan.add(Phase.DROP_FOREIGN_KEYS, "DROP FK");
        plan.add(Phase.DROP_TABLES, "DROP TABLE b");
        assertThat(plan.steps().stream().map(Step::sql))
                .containsExactly(
                        "CREATE EXTENSION e",
                        "DROP FK",
                        "DROP TABLE b",
                        "CREATE TABLE a",
                        "ADD FK",
                        "DROP TYPE t");
    }

    @Test
    void everyGroupStartsWithItsTimeouts() {
        PlanBuilder plan = new PlanBuilder();
        plan.add(Phase.ADD_COLUMNS, "ADD COLUMN");
        plan.add(
                Phase.CREATE_INDEXES,
                new Step(
                        "CREATE INDEX CONCURRENTLY i",
                        false,
                        Set.of(PgMigrationHazard.INDEX_BUILD),
                        "",
                        false));
        plan.add(Phase.ADD_CONSTRAINTS, "ADD CONSTRAINT c NOT VALID");
        plan.add(
                Phase.ADD_CONSTRAINTS,
                new Step(
                        "VALIDATE CONSTRAINT c",
                        true,
                        Set.of(PgMigrationHazard.VALIDATES_DATA),
                        "",
                        true));
        List<PgMigrationStatement> out =
                plan.render(Duration.ofSeconds(3), Duration.ofMillis(1500));
        assertThat(out.stream().map(s -> s.sql() + (s.transactional() ? "" : " [no tx]")))
                .containsExactly(
                        "SET lock_timeout = '3s'",
                        "SET statement_timeout = '1500ms'",
                        "ADD COLUMN",
                        "SET lock_timeout = '3s' [no tx]",
                        "SET statement_timeout = '0' [no tx]",
                        "CREATE INDEX CONCURRENTLY i [no tx]",
                        "SET lock_timeout = '3s'",
                        "SET statement_timeout = '1500ms'",
                        "ADD CONSTRAINT c NOT VALID",
                        "SET lock_timeout = '3s'",
                        "SET statement_timeout = '0'",
                        "VALIDATE CONSTRAINT c");
    }

    @Test
    void anEmptyPlanHasNoTimeouts() {
        assertThat(new PlanBuilder().render(Duration.ofSeconds(3), Duration.ofSeconds(30)))
                .isEmpty();
    }
}
