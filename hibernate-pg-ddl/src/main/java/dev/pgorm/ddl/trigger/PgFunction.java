package dev.pgorm.ddl.trigger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a function that schema export creates with {@code CREATE OR REPLACE FUNCTION} before the
 * tables, so that triggers, policies and defaults can use it.
 *
 * <p>{@link #arguments()}, {@link #returns()} and {@link #body()} are SQL, passed to PostgreSQL as
 * written; the body is dollar-quoted for you:
 *
 * <pre>{@code
 * @PgFunction(name = "touch_updated_at", returns = "trigger", language = "plpgsql",
 *             body = "begin new.updated_at := now(); return new; end")
 * }</pre>
 *
 * Function bodies are not checked at creation ({@code check_function_bodies} is off while they are
 * created), so a body may name tables that are created after it. {@code update} replaces the body;
 * {@code drop} removes the function once nothing uses it.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(PgFunctionDeclarations.class)
public @interface PgFunction {

    /**
     * Returns the function's name.
     *
     * @return {@code name} or {@code schema.name}, such as {@code touch_updated_at}
     */
    String name();

    /**
     * Returns the argument list as SQL, for example {@code a integer, b text}; empty for none.
     *
     * @return the SQL between the parentheses of {@code CREATE FUNCTION name(...)}, defaults
     *     included, such as {@code tenant bigint, active boolean default true}
     */
    String arguments() default "";

    /**
     * Returns the return type as SQL, for example {@code trigger} or {@code setof text}.
     *
     * @return the SQL after {@code RETURNS}, not blank
     */
    String returns();

    /**
     * Returns the language; {@code plpgsql} by default.
     *
     * @return the language name, such as {@code plpgsql} or {@code sql}
     */
    String language() default "plpgsql";

    /**
     * Returns the function body, without the dollar quotes.
     *
     * @return the body as SQL in {@link #language()}, such as {@code begin new.updated_at := now();
     *     return new; end}; PG-ORM adds the dollar quotes
     */
    String body();

    /**
     * Returns the volatility; volatile by default.
     *
     * @return the volatility category written into {@code CREATE FUNCTION}
     */
    Volatility volatility() default Volatility.VOLATILE;
}
