package dev.pgorm.functions.internal;

import dev.pgorm.types.spi.PgTypesSpi;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.metamodel.mapping.BasicValuedMapping;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.query.sqm.produce.function.FunctionReturnTypeResolver;
import org.hibernate.query.sqm.sql.SqmToSqlAstConverter;
import org.hibernate.query.sqm.tree.SqmTypedNode;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.type.BasicType;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * The type of {@code range_lower(r)} and {@code range_upper(r)}: the element type of the range
 * argument when it is known (a {@code PgRange<LocalDate>} attribute gives {@code LocalDate}).
 */
final class RangeBoundReturnType implements FunctionReturnTypeResolver {

    static final RangeBoundReturnType INSTANCE = new RangeBoundReturnType();

    private RangeBoundReturnType() {}

    @Override
    public ReturnableType<?> resolveFunctionReturnType(
            ReturnableType<?> impliedType,
            SqmToSqlAstConverter converter,
            List<? extends SqmTypedNode<?>> arguments,
            TypeConfiguration typeConfiguration) {
        if (!arguments.isEmpty() && arguments.get(0).getNodeType() != null) {
            Object javaType = arguments.get(0).getNodeType().getExpressibleJavaType();
            Class<?> elementClass = PgTypesSpi.rangeElementClass(javaType);
            if (elementClass != null) {
                BasicType<?> element = typeConfiguration.getBasicTypeForJavaType(elementClass);
                if (element != null) {
                    return element;
                }
            }
        }
        return impliedType;
    }

    @Override
    public BasicValuedMapping resolveFunctionReturnType(
            Supplier<BasicValuedMapping> impliedTypeAccess, List<? extends SqlAstNode> arguments) {
        return impliedTypeAccess.get();
    }
}
