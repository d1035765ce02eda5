package dev.pgorm.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against a real PostgreSQL: the class gets its own schema (or
 * database) and can take a {@link PgTestDatabase} parameter in its constructor, lifecycle and test
 * methods.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PgTestExtension.class)
public @interface PgTest {

    /** Returns how the test class is kept apart from every other one. */
    Isolation isolation() default Isolation.SCHEMA;

    /** How a test class is kept apart from the others. */
    enum Isolation {
        /** A new schema in the shared test database, first on the search path; the fast default. */
        SCHEMA,
        /**
         * A new database, for tests that change database-wide state such as extensions or
         * database-level settings.
         */
        DATABASE
    }
}
