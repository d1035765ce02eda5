package dev.pgorm.ddl.table;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Storage options of an entity's table: unlogged, fill factor, other storage parameters (autovacuum
 * thresholds of a hot table) and tablespace.
 *
 * <pre>{@code
 * @PgTable(fillfactor = 90, with = "autovacuum_vacuum_scale_factor = 0.01")
 * @Entity class Counter { ... }
 * }</pre>
 *
 * <p>Schema export applies them after creating the table; {@code update} applies what differs
 * ({@code ALTER TABLE ... SET (...)}, {@code SET LOGGED | UNLOGGED}, {@code SET TABLESPACE}) and
 * {@code validate} reports what differs. Changing {@code unlogged} or the tablespace of a populated
 * table rewrites it under an {@code ACCESS EXCLUSIVE} lock; storage parameters do not rewrite it.
 * Storage parameters no longer declared are left as they are.
 *
 * <p>On a {@code @Partitioned} entity, which has no storage of its own, the storage parameters go
 * on every partition: the declared ones, those {@code PgPartitions} creates, and on {@code update}
 * each existing partition that lacks them (no rewrite); the tablespace goes on the partitioned
 * table, where PostgreSQL creates new partitions, and on the declared ones, while existing
 * partitions stay where they are. PostgreSQL has no unlogged partitioned tables, so {@code unlogged
 * = true} fails at boot there.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PgTable {

    /**
     * Returns whether the table is unlogged: faster writes, no WAL, emptied after a crash and not
     * replicated; for data that can be rebuilt (caches, staging tables).
     *
     * @return whether the table is unlogged
     */
    boolean unlogged() default false;

    /**
     * Returns the fill factor, 10 to 100 (0, the default, leaves PostgreSQL's 100): space kept free
     * in each page so that updates stay on the page (HOT updates).
     *
     * @return the fill factor, or 0
     */
    int fillfactor() default 0;

    /**
     * Returns other storage parameters as {@code name = value} pairs, for example {@code
     * autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.005}.
     *
     * <p>Those of the table's TOAST table (where PostgreSQL keeps long values) take the prefix
     * {@code toast.}, for example {@code toast.autovacuum_enabled = false}; PostgreSQL keeps them
     * on the TOAST table, where {@code update} and {@code validate} compare them. A table without
     * one (no column long enough to need it) keeps them nowhere, so they are not compared; {@code
     * update} applies them once a column that needs one is added.
     *
     * @return the parameters, or empty
     */
    String with() default "";

    /**
     * Returns the tablespace; empty (the default) leaves the database's default.
     *
     * @return the tablespace's name, or empty
     */
    String tablespace() default "";
}
