package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.PG_ADVISORY_XACT_LOCK;
import static dev.pgorm.functions.PgFunctions.PG_TRY_ADVISORY_XACT_LOCK;
import static dev.pgorm.functions.internal.FunctionRegistrar.count;
import static dev.pgorm.functions.internal.FunctionRegistrar.returns;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.INTEGER;

import java.util.List;
import org.hibernate.sql.ast.tree.SqlAstNode;

/** Transaction-scoped advisory locks, taken with one bigint key or two integer keys. */
final class AdvisoryLockFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar functions) {
        FunctionTypes types = functions.types();
        functions.register(
                PG_ADVISORY_XACT_LOCK,
                count(1, 2, INTEGER, INTEGER),
                returns(types.string()),
                null,
                "(key) or (key1, key2)",
                (out, args) -> lockCall(out, "pg_advisory_xact_lock", args));
        functions.register(
                PG_TRY_ADVISORY_XACT_LOCK,
                count(1, 2, INTEGER, INTEGER),
                returns(types.bool()),
                null,
                "(key) or (key1, key2)",
                (out, args) -> lockCall(out, "pg_try_advisory_xact_lock", args));
    }

    private static void lockCall(
            PgFunctionDescriptor.SqlWriter out, String name, List<? extends SqlAstNode> args) {
        // void is read back as text by pgjdbc; the cast keeps the column type stable for Hibernate.
        out.sql((name.startsWith("pg_try") ? "" : "cast(") + name + "(");
        if (args.size() == 1) {
            out.cast(args.get(0), "bigint");
        } else {
            out.cast(args.get(0), "integer").sql(", ").cast(args.get(1), "integer");
        }
        out.sql(name.startsWith("pg_try") ? ")" : ") as text)");
    }
}
