package dev.pgorm.ddl.statistics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares extended statistics on an entity's table ({@code CREATE STATISTICS}): statistics over
 * several columns together, for the filters and groupings the planner misestimates because it
 * multiplies the columns' selectivities as if they were independent (a city and its zip code, a
 * brand and its model).
 *
 * <pre>{@code
 * @PgStatistics(name = "address_city_zip", kinds = StatisticsKind.DEPENDENCIES,
 *               columns = {"city", "zip"})
 * @Entity class Address { ... }
 * }</pre>
 *
 * <p>Schema export creates the object after the table; {@code update} creates a missing one and
 * replaces one whose declaration changed (a statistics object holds no data of the application's:
 * only what {@code ANALYZE} computes); {@code validate} reports a missing or different one. The
 * statistics are filled by the next {@code ANALYZE} (or autovacuum's), not when they are created.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(PgStatisticsList.class)
public @interface PgStatistics {

    /**
     * Returns the statistics object's name, unique in its schema.
     *
     * @return the name, for example {@code address_city_zip}
     */
    String name();

    /**
     * Returns the kinds to compute; empty (the default) computes every kind PostgreSQL supports.
     *
     * @return the kinds
     */
    StatisticsKind[] kinds() default {};

    /**
     * Returns the columns, by attribute or column name; at least two.
     *
     * @return the columns, for example {@code {"city", "zip"}}
     */
    String[] columns();
}
