package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.HSTORE_CONTAINS;
import static dev.pgorm.functions.PgFunctions.HSTORE_GET;
import static dev.pgorm.functions.PgFunctions.HSTORE_HAS_KEY;

/**
 * The hstore operators: {@code ?} and {@code @>}, which GIN and GiST hstore indexes serve, and
 * {@code ->}. PostgreSQL's {@code ?} is written {@code ??} for pgjdbc, as for JSONB.
 */
final class HstoreFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar registrar) {
        FunctionRegistrar functions = registrar.needing("hstore");
        FunctionTypes types = functions.types();
        functions.castOperator(HSTORE_GET, "->", "hstore", "text", types.string(), "(hstore, key)");
        functions.castOperator(
                HSTORE_HAS_KEY, "??", "hstore", "text", types.bool(), "(hstore, key)");
        functions.castOperator(
                HSTORE_CONTAINS, "@>", "hstore", "hstore", types.bool(), "(hstore, hstore)");
    }
}
