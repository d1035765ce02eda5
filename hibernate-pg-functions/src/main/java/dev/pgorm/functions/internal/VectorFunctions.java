package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.L1_DISTANCE_OP;

import org.hibernate.query.sqm.produce.function.StandardFunctionArgumentTypeResolvers;

/** pgvector operators that hibernate-vector does not register as operators. */
final class VectorFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar functions) {
        functions
                .needing("vector")
                .operator(
                        L1_DISTANCE_OP,
                        "<+>",
                        functions.types().dbl(),
                        StandardFunctionArgumentTypeResolvers.ARGUMENT_OR_IMPLIED_RESULT_TYPE,
                        "(vector, vector)");
    }
}
