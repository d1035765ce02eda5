package dev.pgorm.ddl.collation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a collation ({@code CREATE COLLATION}) that columns use through Hibernate's
 * {@code @Collate}: for example an ICU collation that compares case-insensitively, so that a unique
 * constraint on an e-mail column rejects {@code A@x.org} after {@code a@x.org} and {@code =} finds
 * either spelling.
 *
 * <pre>{@code
 * @PgCollation(name = "ci", locale = "und-u-ks-level2", deterministic = false)
 * @Entity class Account {
 *     @Collate("ci") @Column(unique = true) String email;
 * }
 * }</pre>
 *
 * <p>Place it on an entity or on a {@code package-info}. Schema export creates it before the tables
 * ({@code create collation if not exists}); {@code validate} (and the check after {@code update})
 * reports one that is missing or declared differently. PostgreSQL cannot change a collation's
 * locale or provider in place, and every index on a column that uses it depends on its rules: to
 * change one, create a collation of another name and move the columns to it.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(PgCollations.class)
public @interface PgCollation {

    /**
     * Returns the collation's name, as {@code @Collate} refers to it: {@code name} or {@code
     * schema.name}, each part as PostgreSQL stores it, a part that holds a dot in double quotes.
     *
     * @return the name, for example {@code ci} or {@code text_rules.ci}
     */
    String name();

    /**
     * Returns the provider: {@code icu} (the default) or {@code libc}.
     *
     * @return the provider
     */
    String provider() default "icu";

    /**
     * Returns the locale: an ICU locale with keywords ({@code und-u-ks-level2}: any language,
     * ignoring case) or a libc locale ({@code de_DE.utf8}).
     *
     * @return the locale
     */
    String locale();

    /**
     * Returns whether equal means byte-wise equal; {@code false} (ICU only) lets strings the
     * collation ranks equal compare equal, as case-insensitive and accent-insensitive matching
     * needs. Nondeterministic collations cannot be used with {@code LIKE} before PostgreSQL 18.
     *
     * @return whether the collation is deterministic
     */
    boolean deterministic() default true;
}
