package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.LTREE_IS_ANCESTOR;
import static dev.pgorm.functions.PgFunctions.LTREE_IS_DESCENDANT;
import static dev.pgorm.functions.PgFunctions.LTREE_MATCHES;
import static dev.pgorm.functions.PgFunctions.LTREE_MATCHES_ANY;
import static dev.pgorm.functions.PgFunctions.NLEVEL;
import static dev.pgorm.functions.PgFunctions.SUBPATH;
import static dev.pgorm.functions.internal.FunctionRegistrar.returns;

import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;

/**
 * The ltree operators, which a GiST {@code gist_ltree_ops} index serves: ancestor, descendant,
 * lquery match; and {@code nlevel}, {@code subpath}. PostgreSQL's {@code ?} is written {@code ??}
 * for pgjdbc, as for JSONB.
 */
final class LtreeFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar registrar) {
        FunctionRegistrar functions = registrar.needing("ltree");
        FunctionTypes types = functions.types();
        functions.castOperator(
                LTREE_IS_ANCESTOR, "@>", "ltree", "ltree", types.bool(), "(ltree, ltree)");
        functions.castOperator(
                LTREE_IS_DESCENDANT, "<@", "ltree", "ltree", types.bool(), "(ltree, ltree)");
        functions.castOperator(
                LTREE_MATCHES, "~", "ltree", "lquery", types.bool(), "(ltree, lquery)");
        functions.register(
                LTREE_MATCHES_ANY,
                StandardArgumentsValidators.min(2),
                returns(types.bool()),
                null,
                "(ltree, lquery...)",
                (out, args) -> {
                    out.sql("(").cast(args.get(0), "ltree").sql(" ?? array[");
                    for (int i = 1; i < args.size(); i++) {
                        if (i > 1) {
                            out.sql(", ");
                        }
                        out.cast(args.get(i), "lquery");
                    }
                    out.sql("])");
                });
        functions.call(NLEVEL, returns(types.integer()), "(ltree)", 1, "ltree");
        // the result has the path's own type, so that it compares with ltree parameters
        functions.call(
                SUBPATH,
                StandardFunctionReturnTypeResolvers.useArgType(1),
                "(ltree, offset [, length])",
                2,
                "ltree",
                "integer",
                "integer");
    }
}
