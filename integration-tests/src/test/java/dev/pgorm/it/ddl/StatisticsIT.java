package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.statistics.PgStatistics;
import dev.pgorm.ddl.statistics.StatisticsKind;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @PgStatistics}: the object in {@code pg_statistic_ext}, the planner's estimate for a
 * filter on two correlated columns before and after, and {@code update} / {@code validate} of a
 * changed declaration.
 */
@PgTest(isolation = PgTest.Isolation.SCHEMA)
class StatisticsIT {

    // tag::statistics[]
    @Entity(name = "Address")
    @Table(name = "address")
    @PgStatistics(
            name = "address_city_zip",
            kinds = StatisticsKind.DEPENDENCIES,
            columns = {"city", "zip"})
    static class Address {
        @Id Long id;
        String city;
        String zip; // each zip lies in one city: the columns are not independent
    }

    // end::statistics[]

    /** The next version: every kind (none named). */
    @Entity(name = "Address")
    @Table(name = "address")
    @PgStatistics(
            name = "address_city_zip",
            columns = {"city", "zip"})
    static class AddressAllKinds {
        @Id Long id;
        String city;
        String zip;
    }

    private SessionFactory sf;

    @BeforeEach
    void create(PgTestDatabase db) {
        db.resetSchema();
        sf = db.entityManagerFactory(Address.class);
        // 100,000 rows, 1,000 zips in 100 cities: a zip determines its city
        db.execute(
                """
                insert into address (id, city, zip)
                select i, 'city' || (i % 1000) / 10, 'zip' || i % 1000
                from generate_series(1, 100000) i
                """);
    }

    @AfterEach
    void close(PgTestDatabase db) {
        db.close(sf);
    }

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": (\\d+)");
    private static final Pattern ACTUAL_ROWS = Pattern.compile("\"Actual Rows\": (\\d+)");

    /** Returns the planner's estimate and the actual count of the top plan node. */
    private static long[] estimateAndActual(PgTestDatabase db) {
        String plan =
                db.sql()
                        .query(
                                "explain (analyze, format json) select * from address"
                                        + " where city = 'city5' and zip = 'zip55'")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString();
        Matcher estimated = PLAN_ROWS.matcher(plan);
        Matcher actual = ACTUAL_ROWS.matcher(plan);
        assertThat(estimated.find() && actual.find()).as(plan).isTrue();
        return new long[] {Long.parseLong(estimated.group(1)), Long.parseLong(actual.group(1))};
    }

    @Test
    void theStatisticsExistAndTheEstimateForCorrelatedColumnsIsRightAfterAnalyze(
            PgTestDatabase db) {
        assertThat(
                        db.sql()
                                .queryValue(
                                        """
                                        select s.stxkind::text || ' ' || (select string_agg(a.attname, ',' order by a.attnum)
                                                            from pg_attribute a
                                                           where a.attrelid = s.stxrelid and a.attnum = any(s.stxkeys))
                                        from pg_statistic_ext s
                                        where s.stxname = 'address_city_zip'
                                          and s.stxrelid = 'address'::regclass
                                        """,
                                        String.class))
                .isEqualTo("{f} city,zip");

        db.execute("analyze address");
        long[] with = estimateAndActual(db);
        assertThat(with[1]).isEqualTo(100);
        assertThat(with[0]).as("estimate with dependencies").isBetween(50L, 200L);

        // The same data without the statistics object: selectivities multiplied, 100x too low.
        db.execute("drop statistics address_city_zip", "analyze address");
        long[] without = estimateAndActual(db);
        assertThat(without[1]).isEqualTo(100);
        assertThat(without[0]).as("estimate without dependencies").isLessThan(10L);
    }

    @Test
    void updateReplacesAChangedDeclarationAndValidateSeesIt(PgTestDatabase db) {
        db.schemaAction("update", Address.class);
        db.schemaAction("validate", Address.class);
        assertThatThrownBy(() -> db.schemaAction("validate", AddressAllKinds.class))
                .hasStackTraceContaining("statistics address_city_zip on address");

        db.schemaAction("update", AddressAllKinds.class);
        db.schemaAction("update", AddressAllKinds.class);
        db.schemaAction("validate", AddressAllKinds.class);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select stxkind::text from pg_statistic_ext where stxname = 'address_city_zip'",
                                        String.class))
                .isEqualTo("{d,f,m}");
        assertThat(db.sql().queryValue("select count(*) from address", Long.class))
                .isEqualTo(100_000L);
    }

    @Entity(name = "Lonely")
    @Table(name = "lonely")
    @PgStatistics(
            name = "lonely_stats",
            columns = {"city"})
    static class OneColumn {
        @Id Long id;
        String city;
    }

    @Test
    void oneColumnFailsAtBootSayingWhy(PgTestDatabase db) {
        assertThatThrownBy(() -> db.entityManagerFactory(OneColumn.class))
                .hasStackTraceContaining("@PgStatistics(name = \"lonely_stats\") on entity Lonely")
                .hasStackTraceContaining("name at least two columns");
    }
}
