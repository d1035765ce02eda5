package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.hibernate.annotations.ColumnDefault;
import org.junit.jupiter.api.Test;

/** Tables and columns: added, dropped, widened, rewritten, made NOT NULL. */
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

    @Test
    void aDroppedTableIsCountedAndTheIdentityChangeRefused(PgTestDatabase db) {
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

            assertThatThrownBy(
                            () ->
                                    c.planner(V3.Customer.class)
                                            .allow(PgMigrationHazard.values())
                                            .plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("column public.customer.id: identity")
                    .hasMessageContaining("not supported yet");
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
