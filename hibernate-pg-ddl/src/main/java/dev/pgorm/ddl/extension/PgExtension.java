package dev.pgorm.ddl.extension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the mapping needs a PostgreSQL extension: schema export runs {@code CREATE
 * EXTENSION IF NOT EXISTS} for it before creating any table, and fails at boot, naming the
 * extension and the entity, when the server can neither find nor install it.
 *
 * <p>Place it on an entity or on a {@code package-info}. Extensions that a column type or an
 * operator class implies ({@code vector}, {@code postgis}, {@code hstore}, {@code citext}, {@code
 * ltree}, {@code pg_trgm}, {@code btree_gist}) are detected without it. Extensions are never
 * dropped by schema export, since other schemas may use them.
 *
 * <pre>{@code
 * @PgExtension("pg_trgm")
 * @Entity class Person { ... }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(PgExtensions.class)
public @interface PgExtension {

    /**
     * Returns the extension's name, for example {@code vector}.
     *
     * @return the name as in {@code pg_available_extensions}, such as {@code pg_trgm}
     */
    String value();

    /**
     * Returns the schema to install the extension into; empty (the default) means PostgreSQL's
     * default, the first schema on the search path.
     *
     * @return the schema's name, such as {@code extensions}, or empty
     */
    String schema() default "";
}
