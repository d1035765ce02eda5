package dev.pgorm.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the former name of an entity's table (on the entity) or of an attribute's column (on the
 * field), so that the planner renames it instead of dropping and adding it.
 *
 * <p>Example: {@code @RenamedFrom("customer_name") String name;}
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {

    /**
     * Returns the former table or column name, as stored in the catalog (unquoted).
     *
     * @return the former name
     */
    String value();
}
