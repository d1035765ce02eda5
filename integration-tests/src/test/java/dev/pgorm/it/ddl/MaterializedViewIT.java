package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.view.MaterializedView;
import dev.pgorm.ddl.view.PgMaterializedViews;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Materialized views as read-only entities: created with their index, queried, refreshed. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaterializedViewIT {

    @Entity(name = "Sale")
    @Table(name = "sale")
    static class Sale {
        @Id Long id;
        String region;
        BigDecimal amount;
    }

    // tag::matview[]
    @Entity(name = "RegionRevenue")
    @Table(name = "region_revenue")
    @Immutable
    @MaterializedView(
            query =
                    "select region, sum(amount) as revenue, count(*) as sales from sale group by region")
    @PgIndex(name = "region_revenue_pk", columns = "region", unique = true)
    static class RegionRevenue {
        @Id String region;
        BigDecimal revenue;
        long sales;
    }

    // end::matview[]

    @Entity(name = "EmptyView")
    @Table(name = "empty_view")
    @Immutable
    @MaterializedView(query = "select id, region from sale", withData = false)
    static class EmptyView {
        @Id Long id;
        String region;
    }

    /** A view over the view above: created after it, whatever order Hibernate lists them in. */
    @Entity(name = "TopRegion")
    @Table(name = "top_region")
    @Immutable
    @MaterializedView(query = "select region, revenue from region_revenue where revenue > 8")
    static class TopRegion {
        @Id String region;
        BigDecimal revenue;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        db.execute(
                "create table sale (id bigint primary key, region varchar(255), amount numeric(38,2))",
                "insert into sale values (1, 'eu', 10), (2, 'eu', 5), (3, 'us', 7)");
        sf =
                db.entityManagerFactory(
                        List.of(TopRegion.class, Sale.class, RegionRevenue.class, EmptyView.class),
                        java.util.Map.of("hibernate.hbm2ddl.auto", "update"));
    }

    @Test
    @Order(1)
    void catalogHoldsTheViewAndItsIndex(PgTestDatabase db) {
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_matviews where schemaname = current_schema() and matviewname = 'region_revenue' and ispopulated",
                                        Long.class))
                .isEqualTo(1L);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_matviews where schemaname = current_schema() and matviewname = 'empty_view' and not ispopulated",
                                        Long.class))
                .isEqualTo(1L);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select indexdef from pg_indexes where indexname = 'region_revenue_pk' and schemaname = current_schema()",
                                        String.class))
                .contains("CREATE UNIQUE INDEX region_revenue_pk ON")
                .endsWith("USING btree (region)");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_tables where schemaname = current_schema() and tablename = 'region_revenue'",
                                        Long.class))
                .isZero();
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg(region, ',') from top_region",
                                        String.class))
                .isEqualTo("eu");
    }

    @Test
    void refreshShowsNewData(PgTestDatabase db) {
        RegionRevenue eu = sf.fromTransaction(s -> s.find(RegionRevenue.class, "eu"));
        assertThat(eu.revenue).isEqualByComparingTo("15");
        db.execute("insert into sale values (4, 'eu', 100), (5, 'apac', 1)");

        // tag::refresh[]
        sf.inTransaction(em -> PgMaterializedViews.refresh(em, RegionRevenue.class, true));
        // end::refresh[]

        List<RegionRevenue> all =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "from RegionRevenue order by region",
                                                RegionRevenue.class)
                                        .getResultList());
        assertThat(all)
                .extracting(
                        r ->
                                r.region
                                        + "="
                                        + r.revenue.stripTrailingZeros().toPlainString()
                                        + "/"
                                        + r.sales)
                .containsExactly("apac=1/1", "eu=115/3", "us=7/1");
    }

    @Test
    void concurrentRefreshNeedsAUniqueIndexAndData() {
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        em ->
                                                PgMaterializedViews.refresh(
                                                        em, EmptyView.class, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a unique index")
                .hasMessageContaining("@PgIndex(unique = true");
        sf.inTransaction(em -> PgMaterializedViews.refresh(em, EmptyView.class, false));
        Long n =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from EmptyView", Long.class)
                                        .getSingleResult());
        assertThat(n).isGreaterThanOrEqualTo(3L);
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        em -> PgMaterializedViews.refresh(em, Sale.class, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not annotated with @MaterializedView");
    }

    /** The next version of EmptyView: another query. */
    @Entity(name = "EmptyView")
    @Table(name = "empty_view")
    @Immutable
    @MaterializedView(query = "select id, region from sale where id > 1")
    static class EmptyViewV2 {
        @Id Long id;
        String region;
    }

    /** The next version of RegionRevenue, which TopRegion reads. */
    @Entity(name = "RegionRevenue")
    @Table(name = "region_revenue")
    @Immutable
    @MaterializedView(
            query =
                    "select region, sum(amount) * 2 as revenue, count(*) as sales from sale group by region")
    @PgIndex(name = "region_revenue_pk", columns = "region", unique = true)
    static class RegionRevenueV2 {
        @Id String region;
        BigDecimal revenue;
        long sales;
    }

    private static long oid(PgTestDatabase db, String view) {
        return db.sql().queryValue("select ?::regclass::oid::bigint", Long.class, view);
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void updateRebuildsAViewWhoseQueryChanged(PgTestDatabase db) {
        long before = oid(db, "empty_view");
        // a role of the application's own, which default privileges do not cover
        db.execute(
                "do $$ begin if not exists (select 1 from pg_roles where rolname = 'pgorm_it_reader')"
                        + " then create role pgorm_it_reader nologin; end if; end $$",
                "grant usage on schema " + db.schema() + " to pgorm_it_reader",
                "grant select on empty_view to pgorm_it_reader");
        db.schemaAction(
                "update", Sale.class, RegionRevenue.class, TopRegion.class, EmptyViewV2.class);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select definition from pg_matviews where schemaname = current_schema()"
                                                + " and matviewname = 'empty_view'",
                                        String.class))
                .contains("id > 1");
        long rebuilt = oid(db, "empty_view");
        assertThat(rebuilt).isNotEqualTo(before);
        assertThat(db.sql().queryValue("select min(id) from empty_view", Long.class)).isEqualTo(2L);
        // the grant carried over to the rebuilt view
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select has_table_privilege('pgorm_it_reader', 'empty_view', 'select')",
                                        Boolean.class))
                .isTrue();
        db.schemaAction(
                "update", Sale.class, RegionRevenue.class, TopRegion.class, EmptyViewV2.class);
        assertThat(oid(db, "empty_view")).as("unchanged query: not rebuilt").isEqualTo(rebuilt);
        db.schemaAction(
                "validate", Sale.class, RegionRevenue.class, TopRegion.class, EmptyViewV2.class);
        assertThatThrownBy(
                        () ->
                                db.schemaAction(
                                        "validate",
                                        Sale.class,
                                        RegionRevenue.class,
                                        TopRegion.class,
                                        EmptyView.class))
                .hasStackTraceContaining("materialized view empty_view");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aViewOtherViewsReadIsKeptAndNamed(PgTestDatabase db) {
        long before = oid(db, "region_revenue");
        assertThatThrownBy(
                        () ->
                                db.schemaAction(
                                        "update",
                                        Sale.class,
                                        RegionRevenueV2.class,
                                        TopRegion.class,
                                        EmptyViewV2.class))
                .hasStackTraceContaining("after schema update, missing or different")
                .hasStackTraceContaining("materialized view region_revenue");
        assertThat(oid(db, "region_revenue")).isEqualTo(before);
        assertThat(db.sql().queryValue("select count(*) from top_region", Long.class)).isPositive();
    }
}
