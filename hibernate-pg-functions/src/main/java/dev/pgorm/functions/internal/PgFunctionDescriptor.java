package dev.pgorm.functions.internal;

import dev.pgorm.types.spi.PgTypesSpi;
import java.util.List;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.query.sqm.function.AbstractSqmSelfRenderingFunctionDescriptor;
import org.hibernate.query.sqm.produce.function.ArgumentsValidator;
import org.hibernate.query.sqm.produce.function.FunctionArgumentTypeResolver;
import org.hibernate.query.sqm.produce.function.FunctionReturnTypeResolver;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.Expression;

/**
 * A function whose SQL depends on its arguments: operators, casts and optional arguments. One that
 * needs an extension checks, when it is rendered, that the extension is installed, and qualifies
 * its name with the extension's schema when that is not on the search path.
 */
final class PgFunctionDescriptor extends AbstractSqmSelfRenderingFunctionDescriptor {

    /** Writes the SQL of one call. */
    interface Renderer {
        void render(SqlWriter out, List<? extends SqlAstNode> args);
    }

    private final Renderer renderer;
    private final String signature;
    private final String extension;
    private final InstalledExtensions installed;

    PgFunctionDescriptor(
            String name,
            ArgumentsValidator validator,
            FunctionReturnTypeResolver returnType,
            FunctionArgumentTypeResolver argumentTypes,
            String signature,
            Renderer renderer,
            String extension,
            InstalledExtensions installed) {
        super(name, validator, returnType, argumentTypes);
        this.renderer = renderer;
        this.signature = signature;
        this.extension = extension;
        this.installed = installed;
    }

    @Override
    public void render(
            SqlAppender sqlAppender,
            List<? extends SqlAstNode> arguments,
            ReturnableType<?> returnType,
            SqlAstTranslator<?> walker) {
        // Hibernate always passes a translator; the rendering test passes none, and no database
        String qualifier =
                extension == null || walker == null
                        ? null
                        : installed.qualifier(extension, getName(), walker.getSessionFactory());
        renderQualified(sqlAppender, arguments, walker, qualifier);
    }

    /** Renders with the function name qualified by {@code qualifier}, a quoted schema, or not. */
    void renderQualified(
            SqlAppender sqlAppender,
            List<? extends SqlAstNode> arguments,
            SqlAstTranslator<?> walker,
            String qualifier) {
        renderer.render(new SqlWriter(sqlAppender, walker, qualifier), arguments);
    }

    /** Returns what this boot knows of the installed extensions. */
    InstalledExtensions installed() {
        return installed;
    }

    /** Returns the extension this function needs, or null. */
    String extension() {
        return extension;
    }

    @Override
    public String getArgumentListSignature() {
        return signature;
    }

    /** Appends SQL text and arguments. */
    static final class SqlWriter {
        private final SqlAppender out;
        private final SqlAstTranslator<?> walker;
        private final String qualifier;

        SqlWriter(SqlAppender out, SqlAstTranslator<?> walker, String qualifier) {
            this.out = out;
            this.walker = walker;
            this.qualifier = qualifier;
        }

        SqlWriter sql(String text) {
            out.appendSql(text);
            return this;
        }

        /**
         * Writes {@code name(}, the name qualified with the extension's schema when that is not on
         * the search path.
         */
        SqlWriter function(String name) {
            return sql(qualifier == null ? name + "(" : qualifier + "." + name + "(");
        }

        SqlWriter arg(SqlAstNode node) {
            node.accept(walker);
            return this;
        }

        /** Writes {@code cast(arg as type)}. */
        SqlWriter cast(SqlAstNode node, String type) {
            return sql("cast(").arg(node).sql(" as " + type + ")");
        }

        /**
         * Writes {@code value}, cast to the element type of {@code range} when {@code value} is not
         * itself a range and the range's element type is known.
         */
        SqlWriter elementOrRange(SqlAstNode value, SqlAstNode range) {
            Object valueType = javaTypeOf(value);
            Object rangeType = javaTypeOf(range);
            Class<?> element = PgTypesSpi.rangeElementClass(rangeType);
            if (!PgTypesSpi.isRangeOrMultirange(valueType) && element != null) {
                return cast(value, PgTypesSpi.rangeElementSqlType(element));
            }
            return arg(value);
        }

        private static Object javaTypeOf(SqlAstNode node) {
            if (node instanceof Expression e
                    && e.getExpressionType() != null
                    && e.getExpressionType().getJdbcTypeCount() == 1) {
                return e.getExpressionType().getSingleJdbcMapping().getJavaTypeDescriptor();
            }
            return null;
        }

        /** Writes {@code array[args from..]::text[]}. */
        SqlWriter textArray(List<? extends SqlAstNode> args, int from) {
            sql("array[");
            for (int i = from; i < args.size(); i++) {
                if (i > from) {
                    sql(", ");
                }
                cast(args.get(i), "text");
            }
            return sql("]::text[]");
        }
    }
}
