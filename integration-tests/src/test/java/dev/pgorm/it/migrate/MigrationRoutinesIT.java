package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.procedure.PgProcedure;
import dev.pgorm.ddl.trigger.PgFunction;
import dev.pgorm.ddl.trigger.PgTrigger;
import dev.pgorm.ddl.trigger.TriggerEvent;
import dev.pgorm.ddl.trigger.TriggerTiming;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

/** A function's body changed, a trigger added and removed, a procedure added, replaced, dropped. */
@PgTest
class MigrationRoutinesIT {

    static final class V1 {
        @Entity(name = "Memo")
        @Table(name = "memo")
        @PgFunction(
                name = "memo_shout",
                returns = "trigger",
                body = "begin new.text := upper(new.text); return new; end")
        public static class Memo {
            @Id Long id;

            String text;
        }
    }

    static final class V2 {
        @Entity(name = "Memo")
        @Table(name = "memo")
        @PgFunction(
                name = "memo_shout",
                returns = "trigger",
                body = "begin new.text := upper(trim(new.text)); return new; end")
        @PgTrigger(
                name = "memo_shout_trg",
                timing = TriggerTiming.BEFORE,
                events = {TriggerEvent.INSERT, TriggerEvent.UPDATE},
                function = "memo_shout")
        public static class Memo {
            @Id Long id;

            String text;
        }
    }

    @Entity(name = "Memo")
    @Table(name = "memo")
    @PgFunction(
            name = "memo_total",
            arguments = "factor integer",
            returns = "integer",
            body = "begin return factor * (select count(*) from public.memo); end")
    public static class MemoWithTotal {
        @Id Long id;

        String text;
    }

    @Entity(name = "Memo")
    @Table(name = "memo")
    @PgFunction(
            name = "memo_total",
            arguments = "factor integer",
            returns = "bigint",
            body = "begin return factor * (select count(*) from public.memo); end")
    public static class MemoWithBigTotal {
        @Id Long id;

        String text;
    }

    @Test
    void aFunctionWhoseResultTypeChangesIsDroppedAndCreatedAgain(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, MemoWithTotal.class)) {
            c.execute("insert into memo (id, text) values (1, 'a'), (2, 'b')");
            PgMigrationPlan plan = c.planner(MemoWithBigTotal.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .startsWith("DROP FUNCTION public.memo_total(factor integer)")
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith(
                                                    "CREATE OR REPLACE FUNCTION public.memo_total(factor integer)")
                                            .contains("RETURNS bigint"));
            assertThat(plan.statements())
                    .filteredOn(s -> s.sql().startsWith("DROP FUNCTION"))
                    .singleElement()
                    .satisfies(
                            s ->
                                    assertThat(s.note())
                                            .startsWith("returns integer, becomes bigint"));
            c.applyAndReplan(plan, "memo", 2, MemoWithBigTotal.class);
            assertThat(c.count("select public.memo_total(3)")).isEqualTo(6);
        }
    }

    @Test
    void functionsAreReplacedAndTriggersAddedAndRemoved(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Memo.class)) {
            c.execute("insert into memo (id, text) values (1, 'a'), (2, 'b')");
            PgMigrationPlan plan = c.planner(V2.Memo.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith(
                                                    "CREATE OR REPLACE FUNCTION public.memo_shout()")
                                            .contains("upper(trim(new.text))"))
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith(
                                                    "CREATE TRIGGER memo_shout_trg BEFORE INSERT OR UPDATE ON public.memo"));
            c.applyAndReplan(plan, "memo", 2, V2.Memo.class);
            c.execute("insert into memo (id, text) values (3, '  c ')");
            assertThat(c.count("select count(*) from memo where text = 'C'")).isEqualTo(1);

            PgMigrationPlan back = c.planner(V1.Memo.class).plan();
            assertThat(MigrationCase.sql(back))
                    .startsWith("DROP TRIGGER memo_shout_trg ON public.memo")
                    .anySatisfy(s -> assertThat(s).contains("upper(new.text)"));
            c.applyAndReplan(back, "memo", 3, V1.Memo.class);
        }
    }

    @Entity(name = "Memo")
    @Table(name = "memo")
    @PgProcedure(
            name = "memo_purge",
            arguments = "keep_at_most integer, inout purged_row_count integer",
            body =
                    "begin delete from public.memo where id > keep_at_most;"
                            + " get diagnostics purged_row_count = row_count; end")
    public static class MemoWithPurge {
        @Id Long id;

        String text;
    }

    @Entity(name = "Memo")
    @Table(name = "memo")
    @PgProcedure(
            name = "memo_purge",
            arguments = "keep_at_most integer, inout purged_row_count integer",
            body =
                    "begin delete from public.memo where id >= keep_at_most;"
                            + " get diagnostics purged_row_count = row_count; end")
    public static class MemoWithStricterPurge {
        @Id Long id;

        String text;
    }

    /** The identity is longer than 63 bytes: its fingerprint comment must keep it whole. */
    @Test
    void proceduresArePlannedLikeFunctions(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Memo.class)) {
            c.execute("insert into memo (id, text) values (1, 'a'), (2, 'b'), (3, 'c')");
            PgMigrationPlan added = c.planner(MemoWithPurge.class).plan();
            assertThat(MigrationCase.sql(added))
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith(
                                                    "CREATE OR REPLACE PROCEDURE public.memo_purge(IN keep_at_most integer, INOUT purged_row_count integer)")
                                            .contains("id > keep_at_most"))
                    .contains("DROP FUNCTION public.memo_shout()");
            c.applyAndReplan(added, "memo", 3, MemoWithPurge.class);

            PgMigrationPlan replaced = c.planner(MemoWithStricterPurge.class).plan();
            assertThat(MigrationCase.sql(replaced))
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith(
                                                    "CREATE OR REPLACE PROCEDURE public.memo_purge(")
                                            .contains("id >= keep_at_most"));
            assertThat(replaced.hazards()).isEmpty();
            c.applyAndReplan(replaced, "memo", 3, MemoWithStricterPurge.class);
            c.execute("call public.memo_purge(3, null)");
            assertThat(c.count("select count(*) from memo")).isEqualTo(2);

            PgMigrationPlan dropped = c.planner(V1.Memo.class).plan();
            assertThat(MigrationCase.sql(dropped))
                    .contains(
                            "DROP PROCEDURE public.memo_purge(IN keep_at_most integer, INOUT purged_row_count integer)");
            c.applyAndReplan(dropped, "memo", 2, V1.Memo.class);
        }
    }
}
