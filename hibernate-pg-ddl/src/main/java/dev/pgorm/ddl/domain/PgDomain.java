package dev.pgorm.ddl.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a PostgreSQL domain, a base type with a check that many columns share, which schema
 * export creates with {@code CREATE DOMAIN} before any table; columns use it through {@link
 * PgDomainType}.
 *
 * <p>Place it on an entity or on a {@code package-info}; the same name declared twice must have the
 * same definition. {@link #type()}, {@link #check()} and {@link #defaultValue()} are SQL, passed to
 * PostgreSQL as written; the check names the value {@code VALUE}:
 *
 * <pre>{@code
 * @PgDomain(name = "email", type = "text", check = "value ~ '^[^@\\s]+@[^@\\s]+$'")
 * @Entity class Customer { @PgDomainType("email") String email; ... }
 * }</pre>
 *
 * {@code update} never drops a domain; it replaces a changed check ({@code ALTER DOMAIN ... DROP
 * CONSTRAINT}, {@code ADD CONSTRAINT ... NOT VALID}, {@code VALIDATE CONSTRAINT}), changes the
 * default and {@code NOT NULL} in place, and refuses a changed base type or collation.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(PgDomains.class)
public @interface PgDomain {

    /**
     * Returns the domain's name: {@code name} or {@code schema.name}, each part as PostgreSQL
     * stores it (case kept), a part that holds a dot in double quotes; an empty part fails at boot.
     *
     * @return {@code name} or {@code schema.name}, such as {@code email}
     */
    String name();

    /**
     * Returns the base type as SQL.
     *
     * @return a type name, such as {@code text}, {@code numeric(12, 2)} or {@code integer}
     */
    String type();

    /**
     * Returns the check as SQL over {@code VALUE}; empty (the default) for none. The constraint is
     * named {@code <name>_check}.
     *
     * @return a boolean expression, such as {@code value > 0}
     */
    String check() default "";

    /**
     * Returns whether the domain rejects nulls; false by default.
     *
     * @return true for {@code NOT NULL}
     */
    boolean notNull() default false;

    /**
     * Returns the default as SQL; empty (the default) for none. A column's own default wins.
     *
     * @return an expression, such as {@code 0} or {@code 'n/a'}
     */
    String defaultValue() default "";

    /**
     * Returns the collation of a text domain; empty (the default) for the base type's.
     *
     * @return a collation name as in {@code pg_collation}, such as {@code C}
     */
    String collation() default "";
}
