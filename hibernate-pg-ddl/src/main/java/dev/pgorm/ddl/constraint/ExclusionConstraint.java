package dev.pgorm.ddl.constraint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an exclusion constraint: no two rows may match on all the given elements, for example no
 * two bookings of the same room with overlapping periods.
 *
 * <pre>{@code
 * @ExclusionConstraint(name = "booking_no_overlap", using = "gist",
 *                      elements = {"roomId WITH =", "during WITH &&"})
 * }</pre>
 *
 * <p>Each element is {@code <column or expression> WITH <operator>}; a plain name is resolved as an
 * attribute or column of the entity, anything else is SQL passed as written, as is {@link
 * #where()}. A GiST constraint that compares scalar columns with {@code =} needs the {@code
 * btree_gist} extension, which is then created. A violating insert or update fails with Hibernate's
 * {@code ConstraintViolationException}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ExclusionConstraints.class)
public @interface ExclusionConstraint {

    /**
     * Returns the constraint's name.
     *
     * @return the name, such as {@code booking_no_overlap}, unique per schema since it also names
     *     the enforcing index
     */
    String name();

    /**
     * Returns the index method that enforces it; {@code gist} by default.
     *
     * @return the method's name in SQL, such as {@code gist} or {@code spgist}
     */
    String using() default "gist";

    /**
     * Returns the elements, each {@code <column or expression> WITH <operator>}.
     *
     * @return at least one element, such as {@code "roomId WITH ="} (an attribute or column name)
     *     or {@code "tsrange(starts_at, ends_at) WITH &&"} (SQL, written with column names)
     */
    String[] elements();

    /**
     * Returns a SQL predicate that limits the constraint to some rows.
     *
     * @return the SQL of the {@code WHERE (...)} clause, written with column names, such as {@code
     *     status <> 'cancelled'}; empty for every row
     */
    String where() default "";
}
