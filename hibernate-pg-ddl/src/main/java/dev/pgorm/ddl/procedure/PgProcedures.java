package dev.pgorm.ddl.procedure;

import dev.pgorm.ddl.procedure.internal.ProcedureCall;
import jakarta.persistence.EntityManager;

/**
 * Calls stored procedures with {@code CALL}.
 *
 * @since 0.2
 */
public final class PgProcedures {

    private PgProcedures() {}

    /**
     * Runs {@code CALL name(?, ?, ...)} with {@code args} bound as parameters, one for each of the
     * procedure's arguments ({@code null} where an {@code OUT} argument stands), and returns the
     * values of its {@code INOUT} and {@code OUT} arguments.
     *
     * <p>With an active transaction the entity manager is flushed and the call runs in that
     * transaction. Without one, it runs on the entity manager's connection as it is (auto-commit
     * with the usual pools), which is what a procedure that runs {@code COMMIT} or {@code ROLLBACK}
     * needs: inside a transaction, PostgreSQL refuses those with SQLSTATE 2D000 ({@code invalid
     * transaction termination}).
     *
     * @param em the entity manager
     * @param name the procedure, {@code name} or {@code schema.name}; validated and quoted as
     *     {@link PgProcedure#name()} is
     * @param args the arguments, bound in order with the driver's mapping of their Java types
     * @return the {@code INOUT} and {@code OUT} values in argument order, as the driver reads them
     *     ({@code Integer}, {@code String}, {@code BigDecimal}, {@code java.sql.Date} ...); empty
     *     when the procedure has none
     * @throws IllegalArgumentException when the name is not a valid name
     */
    public static Object[] call(EntityManager em, String name, Object... args) {
        return ProcedureCall.call(em, name, args);
    }
}
