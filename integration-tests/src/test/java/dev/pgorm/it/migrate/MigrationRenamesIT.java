package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.RenamedFrom;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

/** Renames declared with {@code @RenamedFrom}, and the same change without it. */
@PgTest
class MigrationRenamesIT {

    static final class V1 {
        @Entity(name = "Client")
        @Table(name = "client", indexes = @Index(name = "client_name_idx", columnList = "name"))
        public static class Client {
            @Id Long id;

            String name;
        }

        @Entity(name = "Visit")
        @Table(name = "visit")
        public static class Visit {
            @Id Long id;

            @ManyToOne
            @JoinColumn(name = "client_id")
            Client client;
        }
    }

    static final class V2 {
        // tag::renamed[]
        @Entity(name = "Customer")
        @Table(
                name = "customer",
                indexes = @Index(name = "customer_title_idx", columnList = "title"))
        @RenamedFrom("client")
        public static class Customer {
            @Id Long id;

            @RenamedFrom("name")
            String title;
        }

        // end::renamed[]

        @Entity(name = "Visit")
        @Table(name = "visit")
        public static class Visit {
            @Id Long id;

            @ManyToOne
            @JoinColumn(name = "client_id")
            Customer client;
        }
    }

    static final class V3 {
        @Entity(name = "Client")
        @Table(name = "client", indexes = @Index(name = "client_name_idx", columnList = "title"))
        public static class Client {
            @Id Long id;

            String title;
        }
    }

    @Test
    void renamedFromRenamesTablesColumnsAndTheirConstraintsAndIndexes(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Client.class, V1.Visit.class)) {
            c.execute(
                    "insert into client (id, name) values (1, 'a'), (2, 'b')",
                    "insert into visit (id, client_id) values (1, 1), (2, 2)");
            PgMigrationPlan plan = c.planner(V2.Customer.class, V2.Visit.class).plan();
            assertThat(MigrationCase.sql(plan))
                    .startsWith(
                            "ALTER TABLE public.client RENAME TO customer",
                            "ALTER TABLE public.customer RENAME COLUMN name TO title")
                    .contains(
                            "ALTER TABLE public.customer RENAME CONSTRAINT client_pkey TO customer_pkey",
                            "ALTER INDEX public.client_name_idx RENAME TO customer_title_idx")
                    .allMatch(s -> s.contains(" RENAME "));
            assertThat(plan.hazards()).isEmpty();
            c.applyAndReplan(plan, "customer", 2, V2.Customer.class, V2.Visit.class);
            assertThat(c.count("select count(*) from customer where title in ('a', 'b')"))
                    .isEqualTo(2);
        }
    }

    @Test
    void aDroppedAndAnAddedColumnOfOneTypeAreAPossibleRename(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, V1.Client.class)) {
            c.execute("insert into client (id, name) values (1, 'a')");
            assertThatThrownBy(
                            () ->
                                    c.planner(V3.Client.class)
                                            .allow(
                                                    PgMigrationHazard.INDEX_BUILD,
                                                    PgMigrationHazard.INDEX_DROPPED)
                                            .plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("POSSIBLE_RENAME")
                    .hasMessageContaining("ALTER TABLE public.client DROP COLUMN name")
                    .hasMessageContaining("1 rows have a value in name");
        }
    }
}
