package dev.pgorm.ddl.view;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps an {@code @Entity @Immutable} class to a materialized view instead of a table: schema export
 * creates it with {@code CREATE MATERIALIZED VIEW IF NOT EXISTS ... AS <query>} after the tables
 * (so the query may read them), followed by the entity's {@code @PgIndex} indexes.
 *
 * <p>{@link #query()} is SQL, passed as written; its columns must match the entity's columns:
 *
 * <pre>{@code
 * @Entity @Immutable
 * @MaterializedView(query = "select customer_id as id, sum(total) as revenue from orders group by customer_id")
 * @PgIndex(columns = "id", unique = true)   // needed for a concurrent refresh
 * class CustomerRevenue { @Id Long id; BigDecimal revenue; }
 * }</pre>
 *
 * {@code update} creates a missing view but does not change an existing one; drop or rename it to
 * change its query. Refresh it with {@link PgMaterializedViews#refresh}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MaterializedView {

    /**
     * Returns the view's query, as SQL.
     *
     * @return a SQL {@code SELECT} whose column names match the entity's columns, such as {@code
     *     select customer_id as id, sum(total) as revenue from orders group by customer_id}
     */
    String query();

    /**
     * Returns whether the view is filled at creation ({@code WITH DATA}, the default).
     *
     * @return true to run the query at creation; false for {@code WITH NO DATA}, which leaves the
     *     view unreadable until its first (non-concurrent) refresh
     */
    boolean withData() default true;
}
