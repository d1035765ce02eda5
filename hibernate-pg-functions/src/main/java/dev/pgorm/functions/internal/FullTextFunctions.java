package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.PHRASETO_TSQUERY;
import static dev.pgorm.functions.PgFunctions.PLAINTO_TSQUERY;
import static dev.pgorm.functions.PgFunctions.SETWEIGHT;
import static dev.pgorm.functions.PgFunctions.TO_TSQUERY;
import static dev.pgorm.functions.PgFunctions.TO_TSVECTOR;
import static dev.pgorm.functions.PgFunctions.TS_HEADLINE;
import static dev.pgorm.functions.PgFunctions.TS_MATCH;
import static dev.pgorm.functions.PgFunctions.TS_RANK;
import static dev.pgorm.functions.PgFunctions.TS_RANK_CD;
import static dev.pgorm.functions.PgFunctions.WEBSEARCH_TO_TSQUERY;
import static dev.pgorm.functions.internal.FunctionRegistrar.count;
import static dev.pgorm.functions.internal.FunctionRegistrar.returns;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.ANY;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.STRING;

import dev.pgorm.types.PgTsQuery;
import java.util.List;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.Expression;

/** Full-text search: tsvector and tsquery builders, {@code @@}, ranking and headlines. */
final class FullTextFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar functions) {
        FunctionTypes types = functions.types();
        functions.register(
                TO_TSVECTOR,
                count(1, 2, STRING, STRING),
                returns(types.tsvector()),
                null,
                "([config, ]text)",
                (out, args) -> withConfig(out, "to_tsvector", args));
        for (String name :
                List.of(TO_TSQUERY, PLAINTO_TSQUERY, PHRASETO_TSQUERY, WEBSEARCH_TO_TSQUERY)) {
            functions.register(
                    name,
                    count(1, 2, STRING, STRING),
                    returns(types.tsquery()),
                    null,
                    "([config, ]text)",
                    (out, args) -> withConfig(out, name, args));
        }
        functions.operator(TS_MATCH, "@@", types.bool(), null, "(tsvector, tsquery)");
        for (String name : List.of(TS_RANK, TS_RANK_CD)) {
            functions.register(
                    name,
                    count(2, 4),
                    returns(types.dbl()),
                    null,
                    "([weights, ]tsvector, tsquery[, normalization])",
                    (out, args) -> rank(out, name, args));
        }
        functions.register(
                TS_HEADLINE,
                count(2, 4),
                returns(types.string()),
                null,
                "([config, ]document, tsquery[, options])",
                FullTextFunctions::headline);
        functions.register(
                SETWEIGHT,
                count(2, 2, ANY, STRING),
                returns(types.tsvector()),
                null,
                "(tsvector, weight)",
                (out, args) ->
                        out.sql("setweight(")
                                .arg(args.get(0))
                                .sql(", ")
                                .cast(args.get(1), "\"char\"")
                                .sql(")"));
    }

    private static void withConfig(
            PgFunctionDescriptor.SqlWriter out, String name, List<? extends SqlAstNode> args) {
        out.sql(name + "(");
        if (args.size() == 2) {
            out.cast(args.get(0), "regconfig").sql(", ");
        }
        out.cast(args.get(args.size() - 1), "text").sql(")");
    }

    private static void rank(
            PgFunctionDescriptor.SqlWriter out, String name, List<? extends SqlAstNode> args) {
        boolean weights = isArray(args.get(0));
        out.sql(name + "(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.sql(", ");
            }
            if (i == 0 && weights) {
                out.cast(args.get(0), "float4[]");
            } else if (i == (weights ? 3 : 2)) {
                out.cast(args.get(i), "integer");
            } else {
                out.arg(args.get(i));
            }
        }
        out.sql(")");
    }

    private static void headline(
            PgFunctionDescriptor.SqlWriter out, List<? extends SqlAstNode> args) {
        // With three arguments, a tsquery second argument means (document, query, options).
        boolean config =
                args.size() == 4 || (args.size() == 3 && !isType(args.get(1), PgTsQuery.class));
        out.sql("ts_headline(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.sql(", ");
            }
            if (i == 0 && config) {
                out.cast(args.get(0), "regconfig");
            } else if (i == (config ? 1 : 0)) {
                out.cast(args.get(i), "text");
            } else if (i == (config ? 3 : 2)) {
                out.cast(args.get(i), "text");
            } else {
                out.arg(args.get(i));
            }
        }
        out.sql(")");
    }

    private static boolean isArray(SqlAstNode node) {
        Class<?> type = javaType(node);
        return type != null && type.isArray();
    }

    private static boolean isType(SqlAstNode node, Class<?> expected) {
        Class<?> type = javaType(node);
        return type != null && expected.isAssignableFrom(type);
    }

    private static Class<?> javaType(SqlAstNode node) {
        if (node instanceof Expression expression
                && expression.getExpressionType() != null
                && expression.getExpressionType().getJdbcTypeCount() == 1) {
            return expression
                    .getExpressionType()
                    .getSingleJdbcMapping()
                    .getJavaTypeDescriptor()
                    .getJavaTypeClass();
        }
        return null;
    }
}
