package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.*;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.ANY;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.IMPLICIT_JSON;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.INTEGER;
import static org.hibernate.query.sqm.produce.function.FunctionParameterType.STRING;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.types.PgTsQuery;
import dev.pgorm.types.internal.PgTypeCodes;
import dev.pgorm.types.internal.TextSearchJavaType;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.query.sqm.function.SqmFunctionRegistry;
import org.hibernate.query.sqm.produce.function.ArgumentTypesValidator;
import org.hibernate.query.sqm.produce.function.ArgumentsValidator;
import org.hibernate.query.sqm.produce.function.FunctionArgumentTypeResolver;
import org.hibernate.query.sqm.produce.function.FunctionParameterType;
import org.hibernate.query.sqm.produce.function.FunctionReturnTypeResolver;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionArgumentTypeResolvers;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Registers the HQL functions of {@link dev.pgorm.functions.PgFunctions} when the dialect is
 * PostgreSQL and {@code pgorm.functions.enabled} is on.
 */
public final class PgFunctionsContributor implements FunctionContributor {

    private SqmFunctionRegistry registry;
    private BasicType<Boolean> bool;
    private BasicType<Double> dbl;
    private BasicType<String> string;
    private BasicType<?> tsvector;
    private BasicType<?> tsquery;

    /** Creates the contributor; Hibernate does this through the service loader. */
    public PgFunctionsContributor() {}

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        if (!PgDialectGuard.isPostgreSQL(contributions.getDialect())
                || !PgSettingsReader.of(contributions.getServiceRegistry())
                        .isModuleEnabled("functions")) {
            return;
        }
        TypeConfiguration types = contributions.getTypeConfiguration();
        registry = contributions.getFunctionRegistry();
        bool = types.getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN);
        dbl = types.getBasicTypeRegistry().resolve(StandardBasicTypes.DOUBLE);
        string = types.getBasicTypeRegistry().resolve(StandardBasicTypes.STRING);
        tsvector = textSearchType(types, TextSearchJavaType.TSVECTOR, PgTypeCodes.TSVECTOR);
        tsquery = textSearchType(types, TextSearchJavaType.TSQUERY, PgTypeCodes.TSQUERY);
        fullTextSearch();
        jsonb();
        ranges();
        trigrams();
        vectorsAndLocks();
    }

    private BasicType<?> textSearchType(
            TypeConfiguration types, TextSearchJavaType<?> javaType, int code) {
        JdbcType jdbcType = types.getJdbcTypeRegistry().findDescriptor(code);
        if (jdbcType == null) {
            return string; // the types module is switched off: results come back as text
        }
        return types.getBasicTypeRegistry().resolve(javaType, jdbcType);
    }

    @Override
    public int ordinal() {
        return 600;
    }

    private void register(
            String name,
            ArgumentsValidator validator,
            FunctionReturnTypeResolver returnType,
            FunctionArgumentTypeResolver argumentTypes,
            String signature,
            PgFunctionDescriptor.Renderer renderer) {
        registry.register(
                name,
                new PgFunctionDescriptor(
                        name, validator, returnType, argumentTypes, signature, renderer));
    }

    private static ArgumentsValidator count(int min, int max, FunctionParameterType... types) {
        ArgumentsValidator count =
                min == max
                        ? StandardArgumentsValidators.exactly(min)
                        : StandardArgumentsValidators.between(min, max);
        return types.length == 0 ? count : new ArgumentTypesValidator(count, types);
    }

    private static FunctionReturnTypeResolver returns(BasicType<?> type) {
        return StandardFunctionReturnTypeResolvers.invariant(type);
    }

    /** Registers {@code name(a, b)} rendering {@code (a op b)}. */
    private void operator(
            String name,
            String op,
            BasicType<?> result,
            FunctionArgumentTypeResolver argumentTypes,
            FunctionParameterType... types) {
        register(
                name,
                count(2, 2, types),
                returns(result),
                argumentTypes,
                "(left, right)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" " + op + " ")
                                .arg(args.get(1))
                                .sql(")"));
    }

    /** Registers {@code name(doc, key)} rendering {@code (doc op key)}: {@code ->}, {@code ->>}. */
    private void keyOperator(String name, String op) {
        register(
                name,
                count(2, 2, IMPLICIT_JSON, ANY),
                returns(string),
                null,
                "(jsonb, key or index)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" " + op + " ")
                                .arg(args.get(1))
                                .sql(")"));
    }

    /**
     * Registers {@code name(doc, key...)} rendering {@code (doc op array['k1', ...])}: {@code ?|},
     * {@code ?&}, {@code #>}, {@code #>>}.
     */
    private void keysOperator(String name, String op, BasicType<?> result) {
        register(
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

    private void fullTextSearch() {
        register(
                TO_TSVECTOR,
                count(1, 2, STRING, STRING),
                returns(tsvector),
                null,
                "([config, ]text)",
                (out, args) -> withConfig(out, "to_tsvector", args));
        for (String name :
                List.of(TO_TSQUERY, PLAINTO_TSQUERY, PHRASETO_TSQUERY, WEBSEARCH_TO_TSQUERY)) {
            register(
                    name,
                    count(1, 2, STRING, STRING),
                    returns(tsquery),
                    null,
                    "([config, ]text)",
                    (out, args) -> withConfig(out, name, args));
        }
        register(
                TS_MATCH,
                count(2, 2),
                returns(bool),
                null,
                "(tsvector, tsquery)",
                (out, args) -> out.sql("(").arg(args.get(0)).sql(" @@ ").arg(args.get(1)).sql(")"));
        for (String name : List.of(TS_RANK, TS_RANK_CD)) {
            register(
                    name,
                    count(2, 4),
                    returns(dbl),
                    null,
                    "([weights, ]tsvector, tsquery[, normalization])",
                    (out, args) -> {
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
                    });
        }
        register(
                TS_HEADLINE,
                count(2, 4),
                returns(string),
                null,
                "([config, ]document, tsquery[, options])",
                (out, args) -> {
                    // With three arguments, a tsquery second argument means (document, query,
                    // options).
                    boolean config =
                            args.size() == 4
                                    || (args.size() == 3 && !isType(args.get(1), PgTsQuery.class));
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
                });
        register(
                SETWEIGHT,
                count(2, 2, ANY, STRING),
                returns(tsvector),
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

    private void jsonb() {
        FunctionArgumentTypeResolver sameAsOther =
                StandardFunctionArgumentTypeResolvers.ARGUMENT_OR_IMPLIED_RESULT_TYPE;
        register(
                JSONB_CONTAINS,
                count(2, 2, IMPLICIT_JSON, ANY),
                returns(bool),
                sameAsOther,
                "(jsonb, jsonb)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" @> ")
                                .cast(args.get(1), "jsonb")
                                .sql(")"));
        register(
                JSONB_CONTAINED_IN,
                count(2, 2, IMPLICIT_JSON, ANY),
                returns(bool),
                sameAsOther,
                "(jsonb, jsonb)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" <@ ")
                                .cast(args.get(1), "jsonb")
                                .sql(")"));
        // pgjdbc turns ?? into the operator ? (a lone ? would be a bind parameter).
        register(
                JSONB_HAS_KEY,
                count(2, 2, IMPLICIT_JSON, STRING),
                returns(bool),
                null,
                "(jsonb, key)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" ?? ")
                                .cast(args.get(1), "text")
                                .sql(")"));
        keysOperator(JSONB_HAS_ANY_KEY, "??|", bool);
        keysOperator(JSONB_HAS_ALL_KEYS, "??&", bool);
        keyOperator(JSONB_GET, "->");
        keyOperator(JSONB_GET_TEXT, "->>");
        keysOperator(JSONB_PATH_GET, "#>", string);
        keysOperator(JSONB_PATH_GET_TEXT, "#>>", string);
        register(
                JSONB_PATH_EXISTS_OP,
                count(2, 2, IMPLICIT_JSON, STRING),
                returns(bool),
                null,
                "(jsonb, jsonpath)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" @?? ")
                                .cast(args.get(1), "jsonpath")
                                .sql(")"));
        register(
                JSONB_PATH_MATCH_OP,
                count(2, 2, IMPLICIT_JSON, STRING),
                returns(bool),
                null,
                "(jsonb, jsonpath)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" @@ ")
                                .cast(args.get(1), "jsonpath")
                                .sql(")"));
    }

    private void ranges() {
        // An element argument is cast to the range's element type: a bare timestamp parameter would
        // otherwise be read as a range literal.
        register(
                RANGE_CONTAINS,
                count(2, 2),
                returns(bool),
                null,
                "(range, element or range)",
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" @> ")
                                .elementOrRange(args.get(1), args.get(0))
                                .sql(")"));
        register(
                RANGE_CONTAINED_BY,
                count(2, 2),
                returns(bool),
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
        operator(RANGE_OVERLAPS, "&&", bool, otherRange);
        operator(RANGE_ADJACENT, "-|-", bool, otherRange);
        operator(RANGE_STRICTLY_LEFT, "<<", bool, otherRange);
        operator(RANGE_STRICTLY_RIGHT, ">>", bool, otherRange);
        // prefixed in HQL, whose lower/upper are the string functions
        Map.of(RANGE_LOWER, "lower", RANGE_UPPER, "upper")
                .forEach(
                        (name, sql) ->
                                register(
                                        name,
                                        count(1, 1),
                                        RangeBoundReturnType.INSTANCE,
                                        null,
                                        "(range)",
                                        (out, args) ->
                                                out.sql(sql + "(").arg(args.get(0)).sql(")")));
        register(
                RANGE_ISEMPTY,
                count(1, 1),
                returns(bool),
                null,
                "(range)",
                (out, args) -> out.sql("isempty(").arg(args.get(0)).sql(")"));
    }

    private void trigrams() {
        for (String name : List.of(SIMILARITY, WORD_SIMILARITY)) { // HQL name = SQL name
            register(
                    name,
                    count(2, 2, STRING, STRING),
                    returns(dbl),
                    null,
                    "(text, text)",
                    (out, args) ->
                            out.sql(name + "(")
                                    .cast(args.get(0), "text")
                                    .sql(", ")
                                    .cast(args.get(1), "text")
                                    .sql(")"));
        }
        register(
                TRGM_MATCH,
                count(2, 2, STRING, STRING),
                returns(bool),
                null,
                "(text, text)",
                (out, args) -> out.sql("(").arg(args.get(0)).sql(" % ").arg(args.get(1)).sql(")"));
    }

    private void vectorsAndLocks() {
        register(
                L1_DISTANCE_OP,
                count(2, 2),
                returns(dbl),
                StandardFunctionArgumentTypeResolvers.ARGUMENT_OR_IMPLIED_RESULT_TYPE,
                "(vector, vector)",
                (out, args) ->
                        out.sql("(").arg(args.get(0)).sql(" <+> ").arg(args.get(1)).sql(")"));
        register(
                PG_ADVISORY_XACT_LOCK,
                count(1, 2, INTEGER, INTEGER),
                returns(string),
                null,
                "(key) or (key1, key2)",
                (out, args) -> lockCall(out, "pg_advisory_xact_lock", args));
        register(
                PG_TRY_ADVISORY_XACT_LOCK,
                count(1, 2, INTEGER, INTEGER),
                returns(bool),
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
