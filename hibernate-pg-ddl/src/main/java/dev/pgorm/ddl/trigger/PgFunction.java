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

    /** Returns the function's name. */
    String name();

    /** Returns the argument list as SQL, for example {@code a integer, b text}; empty for none. */
    String arguments() default "";

    /** Returns the return type as SQL, for example {@code trigger} or {@code setof text}. */
    String returns();

    /** Returns the language; {@code plpgsql} by default. */
    String language() default "plpgsql";

    /** Returns the function body, without the dollar quotes. */
    String body();

    /** Returns the volatility; volatile by default. */
    Volatility volatility() default Volatility.VOLATILE;
}
