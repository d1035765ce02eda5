package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.HSTORE_CONTAINS;
import static dev.pgorm.functions.PgFunctions.HSTORE_GET;
import static dev.pgorm.functions.PgFunctions.HSTORE_HAS_KEY;

import org.hibernate.query.sqm.produce.function.StandardFunctionArgumentTypeResolvers;

/**
 * The hstore operators: {@code ?} and {@code @>}, which GIN and GiST hstore indexes serve, and
 * {@code ->}. PostgreSQL's {@code ?} is written {@code ??} for pgjdbc, as for JSONB. A parameter of
 * {@code hstore_contains} takes the other argument's mapping, so a {@code Map} beside an {@code
 * hstore} attribute binds as {@code hstore}; keys stay text.
 */
final class HstoreFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar registrar) {
        FunctionRegistrar functions = registrar.needing("hstore");
        FunctionTypes types = functions.types();
        functions.castOperator(HSTORE_GET, "->", "hstore", "text", types.string(), "(hstore, key)");
        functions.castOperator(
                HSTORE_HAS_KEY, "??", "hstore", "text", types.bool(), "(hstore, key)");
        // a parameter takes the other argument's mapping: a Map beside an hstore attribute binds
        // as hstore (PgSqlTypes.HSTORE attributes widen Serializable, see hibernate-pg-types)
        functions.castOperator(
                HSTORE_CONTAINS,
                "@>",
                "hstore",
                "hstore",
                types.bool(),
                StandardFunctionArgumentTypeResolvers.ARGUMENT_OR_IMPLIED_RESULT_TYPE,
                "(hstore, hstore)");
    }
}
