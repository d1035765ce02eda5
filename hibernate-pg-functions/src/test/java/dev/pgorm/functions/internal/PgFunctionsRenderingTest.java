// Over 300 lines on purpose: one table holds a rendering case for every function and argument form,
// so that one test can check the table against every name in PgFunctions.
package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.functions.PgFunctions;
import dev.pgorm.types.internal.PgMultirangeJavaType;
import dev.pgorm.types.internal.PgRangeJavaType;
import dev.pgorm.types.internal.RangeElement;
import dev.pgorm.types.internal.TextSearchJavaType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.query.sqm.function.SqmFunctionDescriptor;
import org.hibernate.query.sqm.function.SqmFunctionRegistry;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.sql.ast.SqlAstWalker;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.ObjectJdbcType;
import org.hibernate.type.internal.BasicTypeImpl;
import org.hibernate.type.spi.TypeConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders the SQL of every function that {@link PgFunctionsContributor} registers, without a
 * database: the contributor fills a real {@link SqmFunctionRegistry}, and each descriptor renders
 * arguments that write their own SQL text (a column, a parameter, a literal), typed where the SQL
 * depends on the argument's Java type.
 */
class PgFunctionsRenderingTest {

    private static StandardServiceRegistry serviceRegistry;
    private static TypeConfiguration typeConfiguration;
    private static SqmFunctionRegistry registry;

    @BeforeAll
    static void contribute() {
        serviceRegistry = new StandardServiceRegistryBuilder().build();
        typeConfiguration = new TypeConfiguration();
        registry = contribute(new PostgreSQLDialect(), serviceRegistry);
    }

    @AfterAll
    static void close() {
        StandardServiceRegistryBuilder.destroy(serviceRegistry);
    }

    /** Every case: the HQL function, its arguments and the SQL it must render. */
    private static List<Case> cases() {
        Arg doc = column("d.body");
        Arg search = column("d.search");
        Arg query = typed("d.query", TextSearchJavaType.TSQUERY);
        Arg config = literal("'english'");
        Arg weights = typed("?", javaType(float[].class));
        Arg attrs = column("d.attrs");
        Arg param = literal("?");
        Arg dates = typed("e.during", PgRangeJavaType.of(RangeElement.DATE));
        Arg untypedRange = typed("e.during", PgRangeJavaType.RAW);
        Arg dateRanges = typed("?", PgMultirangeJavaType.RAW);
        List<Case> cases = new ArrayList<>();

        // full-text search
        cases.add(new Case(TO_TSVECTOR, List.of(doc), "to_tsvector(cast(d.body as text))"));
        cases.add(
                new Case(
                        TO_TSVECTOR,
                        List.of(config, doc),
                        "to_tsvector(cast('english' as regconfig), cast(d.body as text))"));
        for (String name :
                List.of(TO_TSQUERY, PLAINTO_TSQUERY, PHRASETO_TSQUERY, WEBSEARCH_TO_TSQUERY)) {
            cases.add(new Case(name, List.of(param), name + "(cast(? as text))"));
            cases.add(
                    new Case(
                            name,
                            List.of(config, param),
                            name + "(cast('english' as regconfig), cast(? as text))"));
        }
        cases.add(new Case(TS_MATCH, List.of(search, query), "(d.search @@ d.query)"));
        for (String name : List.of(TS_RANK, TS_RANK_CD)) {
            cases.add(new Case(name, List.of(search, query), name + "(d.search, d.query)"));
            cases.add(
                    new Case(
                            name,
                            List.of(search, query, literal("32")),
                            name + "(d.search, d.query, cast(32 as integer))"));
            cases.add(
                    new Case(
                            name,
                            List.of(weights, search, query),
                            name + "(cast(? as float4[]), d.search, d.query)"));
            cases.add(
                    new Case(
                            name,
                            List.of(weights, search, query, literal("1")),
                            name + "(cast(? as float4[]), d.search, d.query, cast(1 as integer))"));
        }
        cases.add(
                new Case(
                        TS_HEADLINE,
                        List.of(doc, query),
                        "ts_headline(cast(d.body as text), d.query)"));
        cases.add( // a tsquery second: (document, query, options)
                new Case(
                        TS_HEADLINE,
                        List.of(doc, query, literal("'MaxWords=5'")),
                        "ts_headline(cast(d.body as text), d.query, cast('MaxWords=5' as text))"));
        cases.add( // anything else second: (config, document, query)
                new Case(
                        TS_HEADLINE,
                        List.of(config, doc, query),
                        "ts_headline(cast('english' as regconfig), cast(d.body as text), d.query)"));
        cases.add(
                new Case(
                        TS_HEADLINE,
                        List.of(config, doc, query, literal("'StartSel=['")),
                        """
                        ts_headline(cast('english' as regconfig), cast(d.body as text), d.query, \
                        cast('StartSel=[' as text))"""));
        cases.add(
                new Case(
                        SETWEIGHT,
                        List.of(search, literal("'A'")),
                        "setweight(d.search, cast('A' as \"char\"))"));

        // JSONB: ?, ?| and ?& are written ?? for pgjdbc
        cases.add(new Case(JSONB_CONTAINS, List.of(attrs, param), "(d.attrs @> cast(? as jsonb))"));
        cases.add(
                new Case(
                        JSONB_CONTAINED_IN,
                        List.of(attrs, param),
                        "(d.attrs <@ cast(? as jsonb))"));
        cases.add(new Case(JSONB_HAS_KEY, List.of(attrs, param), "(d.attrs ?? cast(? as text))"));
        cases.add(
                new Case(
                        JSONB_HAS_ANY_KEY,
                        List.of(attrs, literal("'a'"), literal("'b'")),
                        "(d.attrs ??| array[cast('a' as text), cast('b' as text)]::text[])"));
        cases.add(
                new Case(
                        JSONB_HAS_ALL_KEYS,
                        List.of(attrs, literal("'a'")),
                        "(d.attrs ??& array[cast('a' as text)]::text[])"));
        cases.add(new Case(JSONB_GET, List.of(attrs, literal("'kind'")), "(d.attrs -> 'kind')"));
        cases.add(new Case(JSONB_GET, List.of(attrs, literal("0")), "(d.attrs -> 0)"));
        cases.add(
                new Case(
                        JSONB_GET_TEXT, List.of(attrs, literal("'kind'")), "(d.attrs ->> 'kind')"));
        cases.add(
                new Case(
                        JSONB_PATH_GET,
                        List.of(attrs, literal("'a'"), literal("'b'")),
                        "(d.attrs #> array[cast('a' as text), cast('b' as text)]::text[])"));
        cases.add(
                new Case(
                        JSONB_PATH_GET_TEXT,
                        List.of(attrs, literal("'a'"), literal("'b'")),
                        "(d.attrs #>> array[cast('a' as text), cast('b' as text)]::text[])"));
        cases.add(
                new Case(
                        JSONB_PATH_EXISTS_OP,
                        List.of(attrs, param),
                        "(d.attrs @?? cast(? as jsonpath))"));
        cases.add(
                new Case(
                        JSONB_PATH_MATCH_OP,
                        List.of(attrs, param),
                        "(d.attrs @@ cast(? as jsonpath))"));

        // ranges: an element is cast to the range's element type when that is known
        cases.add(new Case(RANGE_CONTAINS, List.of(dates, param), "(e.during @> cast(? as date))"));
        cases.add(new Case(RANGE_CONTAINS, List.of(dates, dateRanges), "(e.during @> ?)"));
        cases.add(new Case(RANGE_CONTAINS, List.of(untypedRange, param), "(e.during @> ?)"));
        cases.add(
                new Case(
                        RANGE_CONTAINED_BY,
                        List.of(param, dates),
                        "(cast(? as date) <@ e.during)"));
        cases.add(new Case(RANGE_CONTAINED_BY, List.of(dateRanges, dates), "(? <@ e.during)"));
        cases.add(new Case(RANGE_OVERLAPS, List.of(dates, param), "(e.during && ?)"));
        cases.add(new Case(RANGE_ADJACENT, List.of(dates, param), "(e.during -|- ?)"));
        cases.add(new Case(RANGE_STRICTLY_LEFT, List.of(dates, param), "(e.during << ?)"));
        cases.add(new Case(RANGE_STRICTLY_RIGHT, List.of(dates, param), "(e.during >> ?)"));
        cases.add(new Case(RANGE_LOWER, List.of(dates), "lower(e.during)"));
        cases.add(new Case(RANGE_UPPER, List.of(dates), "upper(e.during)"));
        cases.add(new Case(RANGE_ISEMPTY, List.of(dates), "isempty(e.during)"));

        // trigrams
        cases.add(
                new Case(
                        SIMILARITY,
                        List.of(doc, param),
                        "similarity(cast(d.body as text), cast(? as text))"));
        cases.add(
                new Case(
                        WORD_SIMILARITY,
                        List.of(param, doc),
                        "word_similarity(cast(? as text), cast(d.body as text))"));
        cases.add(new Case(TRGM_MATCH, List.of(doc, param), "(d.body % ?)"));

        // vectors
        cases.add(
                new Case(
                        L1_DISTANCE_OP,
                        List.of(column("p.embedding"), param),
                        "(p.embedding <+> ?)"));

        // advisory locks: the void result is cast to text
        cases.add(
                new Case(
                        PG_ADVISORY_XACT_LOCK,
                        List.of(param),
                        "cast(pg_advisory_xact_lock(cast(? as bigint)) as text)"));
        cases.add(
                new Case(
                        PG_ADVISORY_XACT_LOCK,
                        List.of(literal("1"), literal("2")),
                        """
                        cast(pg_advisory_xact_lock(cast(1 as integer), cast(2 as integer)) \
                        as text)"""));
        cases.add(
                new Case(
                        PG_TRY_ADVISORY_XACT_LOCK,
                        List.of(param),
                        "pg_try_advisory_xact_lock(cast(? as bigint))"));
        cases.add(
                new Case(
                        PG_TRY_ADVISORY_XACT_LOCK,
                        List.of(literal("1"), literal("2")),
                        "pg_try_advisory_xact_lock(cast(1 as integer), cast(2 as integer))"));

        // pgcrypto: digest and hmac data stay uncast (text or bytea)
        Arg sha = literal("'sha256'");
        cases.add(new Case(DIGEST, List.of(param, sha), "digest(?, cast('sha256' as text))"));
        cases.add(
                new Case(
                        HMAC, List.of(doc, param, sha), "hmac(d.body, ?, cast('sha256' as text))"));
        cases.add(
                new Case(
                        CRYPT,
                        List.of(param, column("u.hash")),
                        "crypt(cast(? as text), cast(u.hash as text))"));
        cases.add(new Case(GEN_SALT, List.of(literal("'bf'")), "gen_salt(cast('bf' as text))"));
        cases.add(
                new Case(
                        GEN_SALT,
                        List.of(literal("'bf'"), literal("8")),
                        "gen_salt(cast('bf' as text), cast(8 as integer))"));
        cases.add(
                new Case(
                        PGP_SYM_ENCRYPT,
                        List.of(doc, param),
                        "pgp_sym_encrypt(cast(d.body as text), cast(? as text))"));
        cases.add(
                new Case(
                        PGP_SYM_DECRYPT,
                        List.of(column("d.secret"), param, literal("'compress-algo=1'")),
                        """
                        pgp_sym_decrypt(cast(d.secret as bytea), cast(? as text), \
                        cast('compress-algo=1' as text))"""));
        cases.add(new Case(GEN_RANDOM_UUID, List.of(), "gen_random_uuid()"));

        // ltree: the column keeps its type (PostgreSQL drops the same-type cast); ? is written ??
        Arg path = column("n.path");
        cases.add(
                new Case(
                        LTREE_IS_ANCESTOR,
                        List.of(param, path),
                        "(cast(? as ltree) @> cast(n.path as ltree))"));
        cases.add(
                new Case(
                        LTREE_IS_DESCENDANT,
                        List.of(path, param),
                        "(cast(n.path as ltree) <@ cast(? as ltree))"));
        cases.add(
                new Case(
                        LTREE_MATCHES,
                        List.of(path, param),
                        "(cast(n.path as ltree) ~ cast(? as lquery))"));
        cases.add(
                new Case(
                        LTREE_MATCHES_ANY,
                        List.of(path, param, literal("'*.b'")),
                        "(cast(n.path as ltree) ?? array[cast(? as lquery), cast('*.b' as lquery)])"));
        cases.add(new Case(NLEVEL, List.of(path), "nlevel(cast(n.path as ltree))"));
        cases.add(
                new Case(
                        SUBPATH,
                        List.of(path, literal("0"), literal("2")),
                        "subpath(cast(n.path as ltree), cast(0 as integer), cast(2 as integer))"));

        // hstore
        Arg tags = column("h.tags");
        cases.add(
                new Case(
                        HSTORE_GET,
                        List.of(tags, param),
                        "(cast(h.tags as hstore) -> cast(? as text))"));
        cases.add(
                new Case(
                        HSTORE_HAS_KEY,
                        List.of(tags, param),
                        "(cast(h.tags as hstore) ?? cast(? as text))"));
        cases.add(
                new Case(
                        HSTORE_CONTAINS,
                        List.of(tags, param),
                        "(cast(h.tags as hstore) @> cast(? as hstore))"));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> rendersEachFunction() {
        return cases().stream()
                .map(
                        c ->
                                DynamicTest.dynamicTest(
                                        c.name() + c.args() + " -> " + c.sql(),
                                        () ->
                                                assertThat(render(c.name(), c.args()))
                                                        .isEqualTo(c.sql())));
    }

    @Test
    void everyNameInPgFunctionsHasARenderingCase() {
        Set<String> covered = cases().stream().map(Case::name).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(pgFunctionsNames());
    }

    @Test
    void registersEveryNameInPgFunctionsAsItsOwnDescriptor() {
        for (String name : pgFunctionsNames()) {
            assertThat(registry.findFunctionDescriptor(name))
                    .as(name)
                    .isInstanceOf(PgFunctionDescriptor.class);
        }
    }

    @Test
    void functionsOfExtensionsNeedTheirExtension() {
        Map<String, String> needed = new TreeMap<>();
        for (String name : pgFunctionsNames()) {
            String extension =
                    ((PgFunctionDescriptor) registry.findFunctionDescriptor(name)).extension();
            if (extension != null) {
                needed.put(name, extension);
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (String name :
                List.of(DIGEST, HMAC, CRYPT, GEN_SALT, PGP_SYM_ENCRYPT, PGP_SYM_DECRYPT)) {
            expected.put(name, "pgcrypto"); // gen_random_uuid is core since PostgreSQL 13
        }
        for (String name :
                List.of(
                        LTREE_IS_ANCESTOR,
                        LTREE_IS_DESCENDANT,
                        LTREE_MATCHES,
                        LTREE_MATCHES_ANY,
                        NLEVEL,
                        SUBPATH)) {
            expected.put(name, "ltree");
        }
        for (String name : List.of(HSTORE_GET, HSTORE_HAS_KEY, HSTORE_CONTAINS)) {
            expected.put(name, "hstore");
        }
        for (String name : List.of(SIMILARITY, WORD_SIMILARITY, TRGM_MATCH)) {
            expected.put(name, "pg_trgm");
        }
        expected.put(L1_DISTANCE_OP, "vector");
        assertThat(needed).isEqualTo(expected);
    }

    @Test
    void aQualifierGoesBeforeFunctionNamesOnly() {
        assertThat(renderQualified(DIGEST, List.of(literal("?"), literal("'sha256'"))))
                .isEqualTo("\"extensions\".digest(?, cast('sha256' as text))");
        assertThat(renderQualified(SIMILARITY, List.of(column("d.body"), literal("?"))))
                .isEqualTo("\"extensions\".similarity(cast(d.body as text), cast(? as text))");
        assertThat(renderQualified(TRGM_MATCH, List.of(column("d.body"), literal("?"))))
                .isEqualTo("(d.body % ?)");
    }

    @Test
    void registersNothingForAnotherDatabase() {
        SqmFunctionRegistry h2 = contribute(new H2Dialect(), serviceRegistry);
        assertThat(h2.getFunctionsByName().toList()).isEmpty();
    }

    @Test
    void registersNothingWhenSwitchedOff() {
        StandardServiceRegistry off =
                new StandardServiceRegistryBuilder()
                        .applySetting("pgorm.functions.enabled", "false")
                        .build();
        try {
            SqmFunctionRegistry functions = contribute(new PostgreSQLDialect(), off);
            assertThat(functions.getFunctionsByName().toList()).isEmpty();
        } finally {
            StandardServiceRegistryBuilder.destroy(off);
        }
    }

    @Test
    void keepsNoStateBetweenBoots() {
        PgFunctionsContributor contributor = new PgFunctionsContributor();
        SqmFunctionRegistry first = new SqmFunctionRegistry();
        SqmFunctionRegistry second = new SqmFunctionRegistry();
        contributor.contributeFunctions(
                contributions(new PostgreSQLDialect(), serviceRegistry, first));
        contributor.contributeFunctions(
                contributions(new PostgreSQLDialect(), serviceRegistry, second));
        assertThat(second.findFunctionDescriptor(TS_MATCH))
                .isNotSameAs(first.findFunctionDescriptor(TS_MATCH));
        assertThat(names(first)).isEqualTo(names(second)).containsAll(pgFunctionsNames());
    }

    private static String render(String name, List<Arg> args) {
        SqmFunctionDescriptor descriptor = registry.findFunctionDescriptor(name);
        assertThat(descriptor).as(name).isInstanceOf(PgFunctionDescriptor.class);
        StringBuilder sql = new StringBuilder();
        List<ArgNode> nodes = args.stream().map(a -> new ArgNode(a, sql)).toList();
        ((PgFunctionDescriptor) descriptor).render(sql::append, nodes, null, null);
        return sql.toString();
    }

    private static String renderQualified(String name, List<Arg> args) {
        StringBuilder sql = new StringBuilder();
        List<ArgNode> nodes = args.stream().map(a -> new ArgNode(a, sql)).toList();
        ((PgFunctionDescriptor) registry.findFunctionDescriptor(name))
                .renderQualified(sql::append, nodes, null, "\"extensions\"");
        return sql.toString();
    }

    private static SqmFunctionRegistry contribute(Dialect dialect, ServiceRegistry services) {
        SqmFunctionRegistry functions = new SqmFunctionRegistry();
        new PgFunctionsContributor()
                .contributeFunctions(contributions(dialect, services, functions));
        return functions;
    }

    private static FunctionContributions contributions(
            Dialect dialect, ServiceRegistry services, SqmFunctionRegistry functions) {
        return new FunctionContributions() {
            @Override
            public SqmFunctionRegistry getFunctionRegistry() {
                return functions;
            }

            @Override
            public TypeConfiguration getTypeConfiguration() {
                return typeConfiguration;
            }

            @Override
            public ServiceRegistry getServiceRegistry() {
                return services;
            }

            @Override
            public Dialect getDialect() {
                return dialect;
            }
        };
    }

    private static Set<String> pgFunctionsNames() {
        Set<String> names = new TreeSet<>();
        for (Field field : PgFunctions.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(30);
        return names;
    }

    private static Set<String> names(SqmFunctionRegistry functions) {
        return functions.getFunctionsByName().map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Arg column(String sql) {
        return new Arg(sql, null);
    }

    private static Arg literal(String sql) {
        return new Arg(sql, null);
    }

    /** An argument of a known Java type; the renderers look at nothing else of the type. */
    private static Arg typed(String sql, JavaType<?> javaType) {
        return new Arg(sql, new BasicTypeImpl<>(javaType, ObjectJdbcType.INSTANCE));
    }

    private static JavaType<?> javaType(Class<?> type) {
        return typeConfiguration.getJavaTypeRegistry().resolveDescriptor(type);
    }

    /** An HQL call and the SQL it renders. */
    private record Case(String name, List<Arg> args, String sql) {}

    /** An argument's SQL text and, when the rendering depends on it, its type. */
    private record Arg(String sql, JdbcMappingContainer type) {
        @Override
        public String toString() {
            return sql;
        }
    }

    /** An argument in the SQL AST that writes its own text where the descriptor puts it. */
    private static final class ArgNode implements Expression {
        private final Arg arg;
        private final StringBuilder sql;

        ArgNode(Arg arg, StringBuilder sql) {
            this.arg = arg;
            this.sql = sql;
        }

        @Override
        public void accept(SqlAstWalker walker) {
            sql.append(arg.sql());
        }

        @Override
        public JdbcMappingContainer getExpressionType() {
            return arg.type();
        }
    }
}
