package dev.pgorm.ddl.procedure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a stored procedure that schema export creates with {@code CREATE OR REPLACE PROCEDURE}
 * before the tables; call it with {@link PgProcedures#call} or JPA's {@code StoredProcedureQuery}.
 *
 * <p>{@link #arguments()} and {@link #body()} are SQL, passed to PostgreSQL as written; the body is
 * dollar-quoted for you:
 *
 * <pre>{@code
 * @PgProcedure(name = "archive_orders", arguments = "cutoff date, inout moved integer",
 *              body = "begin ...; get diagnostics moved = row_count; end")
 * }</pre>
 *
 * The rules of {@code @PgFunction} apply: bodies are not checked at creation, {@code update}
 * replaces a changed procedure (keeping its owner and grants; dropping and re-creating it when
 * {@code CREATE OR REPLACE} cannot change it), {@code validate} reports a changed definition, and
 * {@code drop} removes it once nothing uses it.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(PgProcedureDeclarations.class)
public @interface PgProcedure {

    /**
     * Returns the procedure's name.
     *
     * @return {@code name} or {@code schema.name}, such as {@code archive_orders}
     */
    String name();

    /**
     * Returns the argument list as SQL; empty for none.
     *
     * @return the SQL between the parentheses of {@code CREATE PROCEDURE name(...)}, modes and
     *     defaults included, such as {@code cutoff date, inout moved integer}
     */
    String arguments() default "";

    /**
     * Returns the language; {@code plpgsql} by default.
     *
     * @return the language name, such as {@code plpgsql} or {@code sql}
     */
    String language() default "plpgsql";

    /**
     * Returns the procedure body, without the dollar quotes.
     *
     * @return the body as SQL in {@link #language()}, such as {@code begin delete from t; end};
     *     PG-ORM adds the dollar quotes
     */
    String body();
}
