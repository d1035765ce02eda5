package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.table.PgTable;
import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.ColumnDefault;
import org.junit.jupiter.api.Test;

/**
 * Tables and columns: added, dropped, widened, rewritten, made NOT NULL; the storage parameters of
 * a table's TOAST table.
 */
@PgTest
class MigrationTablesIT {

    static final class V1 {
        @Entity(name = "Customer")
        @Table(name = "customer")
        public static class Customer {
            @Id Long id;

            @Column(length = 50)
            String name;

            Integer points;

            String nickname;
        }
    }

    static final class V2 {
        @Entity(name = "Customer")
        @Table(name = "customer")
        public static class Customer {
            @Id Long id;

            @Column(length = 100)
            String name;

            Long points;

            @Column(nullable = false)
            @ColumnDefault("'active'")
            String status;

            @Column(comment = "where we write")
            String email;
        }

        @Entity(name = "Purchase")
        @Table(name = "purchase")
        public static class Purchase {
            @Id Long id;

            @ManyToOne Customer customer;
        }
    }

    static final class V3 {
        @Entity(name = "Customer")
        @Table(name = "customer")
        public static class Customer {
            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @Column(length = 50)
            String name;

            Integer points;

            String nickname;
        }
    }

    static final class Toast {
        @Entity(name = "Note")
        @Table(name = "note")
        public static class Note {
            @Id Long id;

            @Column(length = 10_000)
            String body;
        }

        @Entity(name = "Note")
        @Table(name = "note")
        @PgTable(with = "toast.autovacuum_enabled = false")
        public static class QuietNote {
            @Id Long id;

            @Column(length = 10_000)
            String body;
        }

        /** No column needs a TOAST table. */
        @Entity(name = "Tally")
        @Table(name = "tally")
        public static class Tally {
            @Id Long id;
        }

        @Entity(name = "Tally")
        @Table(name = "tally")
        @PgTable(with = "toast.autovacuum_enabled = false")
        public static class QuietTallyWithNote {
            @Id Long id;

            @Column(length = 10_000)
            String note;
        }
    }

    @Test
    void toastParametersArePlannedFromTheToastTable(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Toast.Note.class, Toast.Tally.class)) {
            c.execute(
                    "insert into note (id, body) values (1, repeat('x', 9000))",
                    "insert into tally (id) values (1)");
            PgMigrationPlan quiet =
                    c.planner(Toast.QuietNote.class, Toast.QuietTallyWithNote.class).plan();
            List<String> sql = MigrationCase.sql(quiet);
            String addColumn = "ALTER TABLE public.tally ADD COLUMN note character varying(10000)";
            String tallyToast = "ALTER TABLE public.tally SET (toast.autovacuum_enabled=false)";
            assertThat(sql)
                    .containsExactlyInAnyOrder(
                            "ALTER TABLE public.note SET (toast.autovacuum_enabled=false)",
                            addColumn,
                            tallyToast);
            // tally's TOAST table comes with the new column: its parameter is set after it
            assertThat(sql.indexOf(addColumn)).isLessThan(sql.indexOf(tallyToast));
            // applied and planned again without applyAndReplan's pg_dump comparison (which
            // skips on servers newer than pg_dump): the last plan has it
            c.apply(quiet);
            assertThat(
                            c.planner(Toast.QuietNote.class, Toast.QuietTallyWithNote.class)
                                    .plan()
                                    .statements())
                    .isEmpty();
            assertThat(
                            c.count(
                                    """
                                    select count(*) from pg_class c join pg_class toast on toast.oid = c.reltoastrelid
                                    where c.relname in ('note', 'tally')
                                      and toast.reloptions = '{autovacuum_enabled=false}'
                                    """))
                    .isEqualTo(2);

            PgMigrationPlan back =
                    c.planner(Toast.Note.class, Toast.QuietTallyWithNote.class).plan();
            assertThat(MigrationCase.sql(back))
                    .containsExactly("ALTER TABLE public.note RESET (toast.autovacuum_enabled)");
            c.applyAndReplan(back, "note", 1, Toast.Note.class, Toast.QuietTallyWithNote.class);
        }
    }

    @Test
    void aDroppedTableIsCountedAndAnIdentityAddedAfterTheStoredIds(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V2.Customer.class, V2.Purchase.class)) {
            c.execute(
                    "insert into customer (id, name, points, status) values (1, 'a', 1, 'x')",
                    "insert into purchase (id, customer_id) values (1, 1), (2, 1)");
            // tag::plan[]
            PgMigrationPlan plan =
                    PgMigrations.planner()
                            .entities(V2.Customer.class) // Purchase is gone
                            .scratch(db.jdbcUrl(), db.user(), db.password())
                            .fromDatabase(c.url(), db.user(), db.password())
                            .allow(
                                    PgMigrationHazard.DELETES_DATA,
                                    PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK)
                            .plan();
            for (PgMigrationStatement s : plan.statements()) {
                System.out.println(s.sql() + ";  -- " + s.hazards() + " " + s.note());
            }
            // end::plan[]
            PgMigrationStatement drop =
                    plan.statements().stream()
                            .filter(s -> s.sql().startsWith("DROP TABLE"))
                            .findFirst()
                            .orElseThrow();
            assertThat(MigrationCase.sql(plan))
                    .containsExactly(
                            "ALTER TABLE public.purchase DROP CONSTRAINT fk2pehe23hwdcyql94c531rbf70",
                            "DROP TABLE public.purchase");
            assertThat(drop.hazards())
                    .containsExactlyInAnyOrder(
                            PgMigrationHazard.DELETES_DATA,
                            PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK);
            assertThat(drop.note()).isEqualTo("2 rows deleted");
            c.applyAndReplan(plan, "customer", 1, V2.Customer.class);

            PgMigrationPlan identity =
                    c.planner(V3.Customer.class).allow(PgMigrationHazard.values()).plan();
            assertThat(MigrationCase.sql(identity))
                    .contains(
                            "ALTER TABLE public.customer ALTER COLUMN id ADD GENERATED BY DEFAULT"
                                    + " AS IDENTITY");
            c.applyAndReplan(identity, "customer", 1, V3.Customer.class);
            c.execute("insert into customer (name) values ('b')");
            assertThat(c.count("select max(id) from customer")).isEqualTo(2);
        }
    }

    @Test
    void newTableColumnsAndTypeChanges(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Customer.class)) {
            c.execute(
                    "insert into customer (id, name, points, nickname) values (1, 'a', 1, 'x'), (2, 'b', 2, null)");
            assertThatThrownBy(() -> c.planner(V2.Customer.class, V2.Purchase.class).plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("DROP COLUMN nickname")
                    .hasMessageContaining("1 rows have a value in nickname")
                    .hasMessageContaining("TABLE_REWRITE")
                    .hasMessageContaining("ACCESS_EXCLUSIVE_LOCK");
            PgMigrationPlan plan =
                    c.planner(V2.Customer.class, V2.Purchase.class)
                            .allow(
                                    PgMigrationHazard.DELETES_DATA,
                                    PgMigrationHazard.TABLE_REWRITE,
                                    PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK,
                                    PgMigrationHazard.POSSIBLE_RENAME)
                            .plan();
            assertThat(MigrationCase.sql(plan))
                    .contains(
                            "ALTER TABLE public.customer ALTER COLUMN name TYPE character varying(100)",
                            "ALTER TABLE public.customer ALTER COLUMN points TYPE bigint USING points::bigint",
                            "ALTER TABLE public.customer DROP COLUMN nickname",
                            "COMMENT ON COLUMN public.customer.email IS 'where we write'");
            c.applyAndReplan(plan, "customer", 2, V2.Customer.class, V2.Purchase.class);
        }
    }
}
