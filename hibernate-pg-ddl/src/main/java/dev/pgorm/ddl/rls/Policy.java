package dev.pgorm.ddl.rls;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a row-level security policy on the entity's table; the entity must also carry {@link
 * RowLevelSecurity}.
 *
 * <p>Either write the predicates as SQL in {@link #using()} and {@link #withCheck()}, passed to
 * PostgreSQL as written:
 *
 * <pre>{@code
 * @Policy(name = "owner_only", using = "owner = current_user")
 * }</pre>
 *
 * or let PG-ORM generate them from a {@link #column()} and a {@link #setting()}:
 *
 * <pre>{@code
 * @Policy(name = "tenant_isolation", column = "tenantId", setting = "app.tenant_id")
 * // using and with check: tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::bigint)
 * }</pre>
 *
 * The generated form is evaluated once per statement, and a missing or empty setting matches no
 * row. Schema export re-creates declared policies on every {@code create} and {@code update}, so a
 * changed predicate reaches the database.
 *
 * <p>On a {@code @MappedSuperclass}, it applies to the table of every entity extending it.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Policies.class)
public @interface Policy {

    /**
     * Returns the policy's name, unique per table.
     *
     * @return the name, such as {@code tenant_isolation}: not empty, at most 63 bytes
     */
    String name();

    /**
     * Returns the command the policy applies to; all by default.
     *
     * @return the command of {@code FOR ...}; an INSERT policy has only {@link #withCheck()}, a
     *     SELECT or DELETE policy only {@link #using()}
     */
    PolicyCommand command() default PolicyCommand.ALL;

    /**
     * Returns the roles it applies to; empty (the default) means {@code PUBLIC}, every role.
     *
     * @return role names, such as {@code {"app_user"}}, or the key words {@code public}, {@code
     *     current_user}, {@code session_user} and {@code current_role}
     */
    String[] roles() default {};

    /**
     * Returns whether it is permissive (default) or restrictive.
     *
     * @return {@link PolicyType#PERMISSIVE}, combined with other permissive policies by {@code OR},
     *     or {@link PolicyType#RESTRICTIVE}, which every row must also pass
     */
    PolicyType type() default PolicyType.PERMISSIVE;

    /**
     * Returns the SQL predicate that existing rows must pass (SELECT, UPDATE, DELETE).
     *
     * @return the SQL of the {@code USING (...)} clause, written with column names, such as {@code
     *     owner = current_user}; empty for none or for a generated policy
     */
    String using() default "";

    /**
     * Returns the SQL predicate that new rows must pass (INSERT, UPDATE).
     *
     * @return the SQL of the {@code WITH CHECK (...)} clause, written with column names, such as
     *     {@code owner = current_user}; empty for none or for a generated policy
     */
    String withCheck() default "";

    /**
     * Returns the column, by attribute or column name, that a generated policy compares with {@link
     * #setting()}.
     *
     * @return the column, such as {@code tenantId}; empty unless the policy is generated, which
     *     needs both this and {@link #setting()}
     */
    String column() default "";

    /**
     * Returns the custom setting, such as {@code app.tenant_id}, that a generated policy reads.
     *
     * @return a setting name with a prefix, cast to the column's type when read; empty unless the
     *     policy is generated
     */
    String setting() default "";
}
