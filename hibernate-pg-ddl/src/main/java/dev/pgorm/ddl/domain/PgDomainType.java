package dev.pgorm.ddl.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an entity attribute's column of a domain declared with {@link PgDomain}: the column's DDL
 * type becomes the domain, while reads and writes keep the mapping of the attribute's Java type (a
 * {@code String} attribute of a {@code text} domain binds as text, say).
 *
 * <pre>{@code
 * @PgDomainType("email") String email;
 * }</pre>
 *
 * A name that no {@link PgDomain} declares fails at boot.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface PgDomainType {

    /**
     * Returns the domain's name, as in {@link PgDomain#name()}.
     *
     * @return {@code name} or {@code schema.name}, such as {@code email}
     */
    String value();
}
