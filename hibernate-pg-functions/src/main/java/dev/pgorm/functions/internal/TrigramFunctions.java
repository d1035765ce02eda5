package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.SIMILARITY;
import static dev.pgorm.functions.PgFunctions.TRGM_MATCH;
import static dev.pgorm.functions.PgFunctions.WORD_SIMILARITY;
import static dev.pgorm.functions.internal.FunctionRegistrar.count;
import static dev.pgorm.functions.internal.FunctionRegistrar.returns;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.STRING;

import java.util.List;

/** pg_trgm: similarity functions and the {@code %} operator, which trigram indexes serve. */
final class TrigramFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar functions) {
        FunctionTypes types = functions.types();
        FunctionRegistrar trgm = functions.needing("pg_trgm");
        for (String name : List.of(SIMILARITY, WORD_SIMILARITY)) { // HQL name = SQL name
            trgm.register(
                    name,
                    count(2, 2, STRING, STRING),
                    returns(types.dbl()),
                    null,
                    "(text, text)",
                    (out, args) ->
                            out.function(name)
                                    .cast(args.get(0), "text")
                                    .sql(", ")
                                    .cast(args.get(1), "text")
                                    .sql(")"));
        }
        trgm.operator(TRGM_MATCH, "%", types.bool(), null, "(text, text)", STRING, STRING);
    }
}
