package dev.pgorm.ddl.inheritance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the entity's table inherit from another entity's table (PostgreSQL table inheritance), so
 * that queries on the parent entity also return the child's rows.
 *
 * <p>This is PostgreSQL's inheritance, not JPA's: both classes are ordinary entities, usually
 * sharing their common attributes through a {@code @MappedSuperclass}, and the child's table must
 * have every column of the parent's with the same type (boot fails naming the column otherwise).
 * Schema export links the tables with {@code ALTER TABLE child INHERIT parent} after creating them.
 * Primary keys and unique constraints are not inherited: a parent's key does not prevent duplicates
 * across parent and children.
 *
 * <pre>{@code
 * @Entity class Vehicle extends VehicleBase { }
 * @Entity @Inherits(Vehicle.class) class Truck extends VehicleBase { int payload; }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inherits {

    /**
     * Returns the parent entity class.
     *
     * @return an entity class whose table this entity's table inherits from
     */
    Class<?> value();
}
