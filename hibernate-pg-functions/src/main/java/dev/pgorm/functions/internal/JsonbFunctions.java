package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.JSONB_CONTAINED_IN;
import static dev.pgorm.functions.PgFunctions.JSONB_CONTAINS;
import static dev.pgorm.functions.PgFunctions.JSONB_GET;
import static dev.pgorm.functions.PgFunctions.JSONB_GET_TEXT;
import static dev.pgorm.functions.PgFunctions.JSONB_HAS_ALL_KEYS;
import static dev.pgorm.functions.PgFunctions.JSONB_HAS_ANY_KEY;
import static dev.pgorm.functions.PgFunctions.JSONB_HAS_KEY;
import static dev.pgorm.functions.PgFunctions.JSONB_PATH_EXISTS_OP;
import static dev.pgorm.functions.PgFunctions.JSONB_PATH_GET;
import static dev.pgorm.functions.PgFunctions.JSONB_PATH_GET_TEXT;
import static dev.pgorm.functions.PgFunctions.JSONB_PATH_MATCH_OP;
import static dev.pgorm.functions.internal.FunctionRegistrar.count;
import static dev.pgorm.functions.internal.FunctionRegistrar.returns;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.ANY;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.IMPLICIT_JSON;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.STRING;

import org.hibernate.query.sqm.produce.function.ArgumentTypesValidator;
import org.hibernate.query.sqm.produce.function.FunctionArgumentTypeResolver;
import org.hibernate.query.sqm.produce.function.FunctionParameterType;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionArgumentTypeResolvers;
import org.hibernate.type.BasicType;

/**
 * The JSONB operators, which GIN indexes serve: containment, key existence, paths, JSON path.
 * PostgreSQL's {@code ?}, {@code ?|} and {@code ?&} are written {@code ??}, {@code ??|} and {@code
 * ??&}: pgjdbc turns them back into the operators (a lone {@code ?} would be a bind parameter).
 */
final class JsonbFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar functions) {
        FunctionTypes types = functions.types();
        FunctionArgumentTypeResolver sameAsOther =
                StandardFunctionArgumentTypeResolvers.ARGUMENT_OR_IMPLIED_RESULT_TYPE;
        castOperator(functions, JSONB_CONTAINS, "@>", ANY, "jsonb", sameAsOther, "(jsonb, jsonb)");
        castOperator(
                functions, JSONB_CONTAINED_IN, "<@", ANY, "jsonb", sameAsOther, "(jsonb, jsonb)");
        castOperator(functions, JSONB_HAS_KEY, "??", STRING, "text", null, "(jsonb, key)");
        keysOperator(functions, JSONB_HAS_ANY_KEY, "??|", types.bool());
        keysOperator(functions, JSONB_HAS_ALL_KEYS, "??&", types.bool());
        String keyOrIndex = "(jsonb, key or index)";
        functions.operator(JSONB_GET, "->", types.string(), null, keyOrIndex, IMPLICIT_JSON, ANY);
        functions.operator(
                JSONB_GET_TEXT, "->>", types.string(), null, keyOrIndex, IMPLICIT_JSON, ANY);
        keysOperator(functions, JSONB_PATH_GET, "#>", types.string());
        keysOperator(functions, JSONB_PATH_GET_TEXT, "#>>", types.string());
        String jsonpath = "(jsonb, jsonpath)";
        castOperator(functions, JSONB_PATH_EXISTS_OP, "@??", STRING, "jsonpath", null, jsonpath);
        castOperator(functions, JSONB_PATH_MATCH_OP, "@@", STRING, "jsonpath", null, jsonpath);
    }

    /** Registers {@code name(doc, x)} rendering {@code (doc op cast(x as type))}, Boolean. */
    private static void castOperator(
            FunctionRegistrar functions,
            String name,
            String op,
            FunctionParameterType argument,
            String type,
            FunctionArgumentTypeResolver argumentTypes,
            String signature) {
        functions.register(
                name,
                count(2, 2, IMPLICIT_JSON, argument),
                returns(functions.types().bool()),
                argumentTypes,
                signature,
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" " + op + " ")
                                .cast(args.get(1), type)
                                .sql(")"));
    }

    /** Registers {@code name(doc, key...)} rendering {@code (doc op array['k1', ...])}. */
    private static void keysOperator(
            FunctionRegistrar functions, String name, String op, BasicType<?> result) {
        functions.register(
                name,
                new ArgumentTypesValidator(StandardArgumentsValidators.min(2), IMPLICIT_JSON),
                returns(result),
                null,
                "(jsonb, key...)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" " + op + " ")
                                .textArray(args, 1)
                                .sql(")"));
    }
}
