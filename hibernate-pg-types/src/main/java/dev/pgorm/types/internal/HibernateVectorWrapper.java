package dev.pgorm.types.internal;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.ArrayJdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * A JDBC type that keeps everything of the hibernate-vector type it wraps (SQL casts, literals, the
 * Java type, so its HQL functions render as before) and replaces only binding or reading.
 */
abstract class HibernateVectorWrapper extends ArrayJdbcType {

    private static final long serialVersionUID = 1L;

    final ArrayJdbcType hibernateVector;

    HibernateVectorWrapper(ArrayJdbcType hibernateVector) {
        super(hibernateVector.getElementJdbcType());
        this.hibernateVector = hibernateVector;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return hibernateVector.getDefaultSqlTypeCode();
    }

    @Override
    public JavaType<?> getRecommendedJavaType(
            Integer precision, Integer scale, TypeConfiguration typeConfiguration) {
        return hibernateVector.getRecommendedJavaType(precision, scale, typeConfiguration);
    }

    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return hibernateVector.getJdbcLiteralFormatter(javaType);
    }

    @Override
    public void appendWriteExpression(
            String writeExpression, Size size, SqlAppender appender, Dialect dialect) {
        hibernateVector.appendWriteExpression(writeExpression, size, appender, dialect);
    }

    @Override
    public boolean isWriteExpressionTyped(Dialect dialect) {
        return hibernateVector.isWriteExpressionTyped(dialect);
    }

    @Override
    public String castFromPattern(JdbcMapping sourceMapping, Size size) {
        return hibernateVector.castFromPattern(sourceMapping, size);
    }
}
