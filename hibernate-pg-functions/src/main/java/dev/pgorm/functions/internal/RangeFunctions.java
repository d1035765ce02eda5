package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.RANGE_ADJACENT;
import static dev.pgorm.functions.PgFunctions.RANGE_CONTAINED_BY;
import static dev.pgorm.functions.PgFunctions.RANGE_CONTAINS;
import static dev.pgorm.functions.PgFunctions.RANGE_ISEMPTY;
import static dev.pgorm.functions.PgFunctions.RANGE_LOWER;
import static dev.pgorm.functions.PgFunctions.RANGE_OVERLAPS;
import static dev.pgorm.functions.PgFunctions.RANGE_STRICTLY_LEFT;
import static dev.pgorm.functions.PgFunctions.RANGE_STRICTLY_RIGHT;
import static dev.pgorm.functions.PgFunctions.RANGE_UPPER;
import static dev.pgorm.functions.internal.FunctionRegistrar.count;
import static dev.pgorm.functions.internal.FunctionRegistrar.returns;

import org.hibernate.query.sqm.produce.function.FunctionArgumentTypeResolver;
import org.hibernate.query.sqm.produce.function.StandardFunctionArgumentTypeResolvers;

/** The range and multirange operators, which GiST indexes serve, and the bound functions. */
final class RangeFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar functions) {
        FunctionTypes types = functions.types();
        // An element argument is cast to the range's element type: a bare timestamp parameter would
        // otherwise be read as a range literal.
        functions.register(
                RANGE_CONTAINS,
                count(2, 2),
                returns(types.bool()),
                null,
                "(range, element or range)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" @> ")
                                .elementOrRange(args.get(1), args.get(0))
                                .sql(")"));
        functions.register(
                RANGE_CONTAINED_BY,
                count(2, 2),
                returns(types.bool()),
                null,
                "(element or range, range)",
                (out, args) ->
                        out.sql("(")
                                .elementOrRange(args.get(0), args.get(1))
                                .sql(" <@ ")
                                .arg(args.get(1))
                                .sql(")"));
        FunctionArgumentTypeResolver otherRange =
                StandardFunctionArgumentTypeResolvers.ARGUMENT_OR_IMPLIED_RESULT_TYPE;
        String pair = "(left, right)";
        functions.operator(RANGE_OVERLAPS, "&&", types.bool(), otherRange, pair);
        functions.operator(RANGE_ADJACENT, "-|-", types.bool(), otherRange, pair);
        functions.operator(RANGE_STRICTLY_LEFT, "<<", types.bool(), otherRange, pair);
        functions.operator(RANGE_STRICTLY_RIGHT, ">>", types.bool(), otherRange, pair);
        // prefixed in HQL, whose lower/upper are the string functions
        bound(functions, RANGE_LOWER, "lower");
        bound(functions, RANGE_UPPER, "upper");
        functions.register(
                RANGE_ISEMPTY,
                count(1, 1),
                returns(types.bool()),
                null,
                "(range)",
                (out, args) -> out.sql("isempty(").arg(args.get(0)).sql(")"));
    }

    /** Registers {@code name(range)} rendering {@code sql(range)}, typed as the range's element. */
    private static void bound(FunctionRegistrar functions, String name, String sql) {
        functions.register(
                name,
                count(1, 1),
                RangeBoundReturnType.INSTANCE,
                null,
                "(range)",
                (out, args) -> out.sql(sql + "(").arg(args.get(0)).sql(")"));
    }
}
