package dev.pgorm.ddl.procedure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds repeated {@link PgProcedure} annotations (named so that it never clashes with {@link
 * PgProcedures}).
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface PgProcedureDeclarations {

    /**
     * Returns the procedures.
     *
     * @return the repeated {@link PgProcedure} annotations, in declaration order
     */
    PgProcedure[] value();
}
