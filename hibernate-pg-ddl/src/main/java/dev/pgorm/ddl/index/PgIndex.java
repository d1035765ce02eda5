package dev.pgorm.ddl.index;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an index on the entity's table (or materialized view), created after the tables by
 * schema export with {@code CREATE INDEX IF NOT EXISTS}.
 *
 * <p>Give either {@link #columns()} or {@link #expression()}. Columns may be named by attribute
 * name or by column name. {@link #expression()}, {@link #where()} and {@link #with()} are SQL,
 * passed to PostgreSQL as written:
 *
 * <pre>{@code
 * @PgIndex(name = "doc_attrs_gin", columns = "attrs", method = IndexMethod.GIN, opclass = "jsonb_path_ops")
 * @PgIndex(columns = "embedding", method = IndexMethod.HNSW, opclass = "vector_cosine_ops",
 *          with = "m = 16, ef_construction = 64")
 * @PgIndex(expression = "lower(email)", unique = true, where = "deleted_at is null", include = "name")
 * }</pre>
 *
 * <p>On a partitioned entity the index is created on the parent table, and PostgreSQL creates it on
 * every partition, including partitions attached later. {@code hbm2ddl.auto=update} creates missing
 * indexes and rebuilds an index whose declaration changed (see docs/ddl/indexes.md).
 *
 * <p>On a {@code @MappedSuperclass}, it applies to the table of every entity extending it.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(PgIndexes.class)
public @interface PgIndex {

    /**
     * Returns the index name; empty (the default) derives one from the table, the columns and the
     * method, shortened to 63 bytes.
     *
     * @return the index name, such as {@code doc_attrs_gin}, or empty for {@code
     *     <table>_<columns>_<method>_idx}
     */
    String name() default "";

    /**
     * Returns the indexed columns, by attribute or column name, in order.
     *
     * @return the columns, such as {@code {"tenant_id", "created_at"}}; empty when {@link
     *     #expression()} is given
     */
    String[] columns() default {};

    /**
     * Returns one SQL expression to index instead of columns, for example {@code lower(email)} or
     * {@code coalesce(a, b)}; commas inside it are part of the expression.
     *
     * @return the SQL expression, written with column names and put in parentheses in the {@code
     *     CREATE INDEX}; empty when {@link #columns()} are given
     */
    String expression() default "";

    /**
     * Returns the index method; B-tree by default.
     *
     * @return the method; {@link IndexMethod#HNSW} and {@link IndexMethod#IVFFLAT} need a vector
     *     column, and only {@link IndexMethod#BTREE} can be unique
     */
    IndexMethod method() default IndexMethod.BTREE;

    /**
     * Returns the operator classes: none, one for a single column or the expression, or one per
     * column (an empty string keeps that column's default), for example {@code jsonb_path_ops}.
     *
     * @return the operator class names, such as {@code {"jsonb_path_ops"}} or {@code {"",
     *     "gin_trgm_ops"}}; an extension's operator class also declares that extension
     */
    String[] opclass() default {};

    /**
     * Returns whether the index is unique.
     *
     * @return true for {@code CREATE UNIQUE INDEX}, which needs method {@link IndexMethod#BTREE}
     */
    boolean unique() default false;

    /**
     * Returns whether a unique index treats nulls as equal ({@code NULLS NOT DISTINCT}, PostgreSQL
     * 15+).
     *
     * @return true to add {@code NULLS NOT DISTINCT}, which needs {@link #unique()}
     */
    boolean nullsNotDistinct() default false;

    /**
     * Returns a SQL predicate that makes the index partial, for example {@code deleted_at is null}.
     *
     * @return the SQL predicate of the {@code WHERE} clause, written with column names, such as
     *     {@code status = 'active'}; empty for an index on every row
     */
    String where() default "";

    /**
     * Returns non-key columns stored in the index ({@code INCLUDE}), by attribute or column name.
     *
     * @return the covering columns, such as {@code {"name"}}; they need method {@link
     *     IndexMethod#BTREE}, {@link IndexMethod#GIST} or {@link IndexMethod#SPGIST}
     */
    String[] include() default {};

    /**
     * Returns storage parameters as {@code name = value} pairs separated by commas, for example
     * {@code m = 16, ef_construction = 64} (HNSW), {@code lists = 100} (IVFFlat) or {@code
     * pages_per_range = 32} (BRIN).
     *
     * @return the SQL of the {@code WITH (...)} clause without its parentheses; empty for the
     *     method's defaults
     */
    String with() default "";
}
