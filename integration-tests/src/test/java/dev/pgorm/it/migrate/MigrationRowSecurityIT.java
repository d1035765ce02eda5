package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

/** Row-level security switched on with a policy, the policy's predicate changed, then removed. */
@PgTest
class MigrationRowSecurityIT {

    static final class V1 {
        @Entity(name = "Doc")
        @Table(name = "doc")
        public static class Doc {
            @Id Long id;

            String owner;
        }
    }

    static final class V2 {
        @Entity(name = "Doc")
        @Table(name = "doc")
        @RowLevelSecurity(tenantPolicy = false)
        @Policy(name = "doc_owner", using = "owner = current_user")
        public static class Doc {
            @Id Long id;

            String owner;
        }
    }

    static final class V3 {
        @Entity(name = "Doc")
        @Table(name = "doc")
        @RowLevelSecurity(tenantPolicy = false)
        @Policy(name = "doc_owner", using = "owner = current_user or owner = 'shared'")
        public static class Doc {
            @Id Long id;

            String owner;
        }
    }

    @Test
    void policiesComeBeforeSecurityIsSwitchedOnAndChangeInPlace(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Doc.class)) {
            c.execute("insert into doc (id, owner) values (1, 'a'), (2, 'shared')");
            PgMigrationPlan on = c.planner(V2.Doc.class).plan();
            assertThat(MigrationCase.sql(on))
                    .containsSubsequence(
                            "CREATE POLICY doc_owner ON public.doc AS PERMISSIVE FOR ALL TO PUBLIC USING (((owner)::text = CURRENT_USER))",
                            "ALTER TABLE public.doc ENABLE ROW LEVEL SECURITY",
                            "ALTER TABLE public.doc FORCE ROW LEVEL SECURITY")
                    .anyMatch(
                            s ->
                                    s.startsWith(
                                            "COMMENT ON POLICY doc_owner ON public.doc IS 'pgorm:"));
            assertThat(on.hazards()).isEmpty();
            c.applyAndReplan(on, null, 0, V2.Doc.class);

            PgMigrationPlan changed = c.planner(V3.Doc.class).plan();
            assertThat(MigrationCase.sql(changed))
                    .first()
                    .isEqualTo(
                            "ALTER POLICY doc_owner ON public.doc TO PUBLIC USING ((((owner)::text = CURRENT_USER) OR ((owner)::text = 'shared'::text)))");
            c.applyAndReplan(changed, null, 0, V3.Doc.class);

            PgMigrationPlan off = c.planner(V1.Doc.class).plan();
            assertThat(MigrationCase.sql(off))
                    .containsExactly(
                            "ALTER TABLE public.doc DISABLE ROW LEVEL SECURITY",
                            "ALTER TABLE public.doc NO FORCE ROW LEVEL SECURITY",
                            "DROP POLICY doc_owner ON public.doc");
            c.applyAndReplan(off, "doc", 2, V1.Doc.class);
        }
    }
}
