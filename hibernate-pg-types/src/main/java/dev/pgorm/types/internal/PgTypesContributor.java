package dev.pgorm.types.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.types.PgSqlTypes;
import dev.pgorm.types.PgTypesSettings;
import java.sql.Types;
import java.util.Map;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.spi.JavaTypeRegistry;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;
import org.hibernate.type.descriptor.sql.internal.DdlTypeImpl;
import org.hibernate.type.descriptor.sql.spi.DdlTypeRegistry;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Registers PG-ORM's types with Hibernate when the dialect is PostgreSQL and {@code
 * pgorm.types.enabled} is on: ranges, multiranges and text search types, each with its JDBC type
 * and column type; the {@link PgSqlTypes} codes and column types for Hypersistence Utils' user
 * types; and, with hibernate-vector on the class path and {@code pgorm.types.vector_binary} on,
 * binary transfer for its {@code float[]} vector columns.
 */
public final class PgTypesContributor implements TypeContributor {

    private static final String HIBERNATE_VECTOR_CONTRIBUTOR =
            "org.hibernate.vector.internal.PGVectorTypeContributor";

    /** Creates the contributor; Hibernate does this through the service loader. */
    public PgTypesContributor() {}

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        Dialect dialect = serviceRegistry.requireService(JdbcServices.class).getDialect();
        PgSettingsReader settings = PgSettingsReader.of(serviceRegistry);
        if (!PgDialectGuard.isPostgreSQL(dialect) || !settings.isModuleEnabled("types")) {
            return;
        }
        TypeConfiguration types = contributions.getTypeConfiguration();
        JavaTypeRegistry javaTypes = types.getJavaTypeRegistry();
        JdbcTypeRegistry jdbcTypes = types.getJdbcTypeRegistry();
        DdlTypeRegistry ddlTypes = types.getDdlTypeRegistry();

        jdbcTypes.addDescriptor(
                PgTypeCodes.RANGE_UNTYPED,
                new PgObjectJdbcType(PgTypeCodes.RANGE_UNTYPED, "range"));
        ddlTypes.addDescriptor(new UntypedRangeDdlType(PgTypeCodes.RANGE_UNTYPED, "PgRange"));
        jdbcTypes.addDescriptor(
                PgTypeCodes.MULTIRANGE_UNTYPED,
                new PgObjectJdbcType(PgTypeCodes.MULTIRANGE_UNTYPED, "multirange"));
        ddlTypes.addDescriptor(
                new UntypedRangeDdlType(PgTypeCodes.MULTIRANGE_UNTYPED, "PgMultirange"));
        for (RangeElement<?> element : PgTypeCodes.elements()) {
            int range = PgTypeCodes.range(element);
            jdbcTypes.addDescriptor(range, new PgObjectJdbcType(range, element.rangeType()));
            ddlTypes.addDescriptor(new DdlTypeImpl(range, element.rangeType(), dialect));
            int multirange = PgTypeCodes.multirange(element);
            jdbcTypes.addDescriptor(
                    multirange, new PgObjectJdbcType(multirange, element.multirangeType()));
            ddlTypes.addDescriptor(new DdlTypeImpl(multirange, element.multirangeType(), dialect));
        }
        javaTypes.addDescriptor(PgRangeJavaType.RAW);
        javaTypes.addDescriptor(PgMultirangeJavaType.RAW);

        jdbcTypes.addDescriptor(
                PgTypeCodes.TSVECTOR, new PgObjectJdbcType(PgTypeCodes.TSVECTOR, "tsvector"));
        ddlTypes.addDescriptor(new DdlTypeImpl(PgTypeCodes.TSVECTOR, "tsvector", dialect));
        javaTypes.addDescriptor(TextSearchJavaType.TSVECTOR);
        jdbcTypes.addDescriptor(
                PgTypeCodes.TSQUERY, new PgObjectJdbcType(PgTypeCodes.TSQUERY, "tsquery"));
        ddlTypes.addDescriptor(new DdlTypeImpl(PgTypeCodes.TSQUERY, "tsquery", dialect));
        javaTypes.addDescriptor(TextSearchJavaType.TSQUERY);

        contributeNamedTypes(jdbcTypes, ddlTypes, dialect);

        if (hibernateVectorPresent(serviceRegistry)) {
            // hibernate-vector writes a sparse vector without non-zero elements as "}/n"
            jdbcTypes.addTypeConstructor(
                    SqlTypes.SPARSE_VECTOR_FLOAT32,
                    new PgVectorJdbcTypeConstructor(SqlTypes.SPARSE_VECTOR_FLOAT32, "sparsevec"));
        }
        if (settings.getBoolean(PgTypesSettings.VECTOR_BINARY, true)
                && hibernateVectorPresent(serviceRegistry)) {
            jdbcTypes.addTypeConstructor(
                    SqlTypes.VECTOR, new PgVectorJdbcTypeConstructor(SqlTypes.VECTOR, "vector"));
            jdbcTypes.addTypeConstructor(
                    SqlTypes.VECTOR_FLOAT32,
                    new PgVectorJdbcTypeConstructor(SqlTypes.VECTOR_FLOAT32, "vector"));
            jdbcTypes.addTypeConstructor(
                    SqlTypes.VECTOR_FLOAT16,
                    new PgVectorJdbcTypeConstructor(SqlTypes.VECTOR_FLOAT16, "halfvec"));
        }
    }

    /**
     * Registers the {@link PgSqlTypes} codes and gives {@code Types.OTHER} a column type for
     * Hypersistence Utils' user types.
     */
    private static void contributeNamedTypes(
            JdbcTypeRegistry jdbcTypes, DdlTypeRegistry ddlTypes, Dialect dialect) {
        jdbcTypes.addDescriptor(PgSqlTypes.HSTORE, HstoreJdbcType.INSTANCE);
        ddlTypes.addDescriptor(new DdlTypeImpl(PgSqlTypes.HSTORE, "hstore", dialect));
        Map<Integer, String> strings =
                Map.of(
                        PgSqlTypes.LTREE, "ltree",
                        PgSqlTypes.CITEXT, "citext",
                        PgSqlTypes.MACADDR, "macaddr",
                        PgSqlTypes.MACADDR8, "macaddr8");
        strings.forEach(
                (code, name) -> {
                    jdbcTypes.addDescriptor(code, new PgNamedStringJdbcType(code, name));
                    ddlTypes.addDescriptor(new DdlTypeImpl(code, name, dialect));
                });
        ddlTypes.addDescriptor(new UserTypeDdlType(ddlTypes.getDescriptor(Types.OTHER)));
    }

    private static boolean hibernateVectorPresent(ServiceRegistry serviceRegistry) {
        try {
            serviceRegistry
                    .requireService(ClassLoaderService.class)
                    .classForName(HIBERNATE_VECTOR_CONTRIBUTOR);
            return true;
        } catch (ClassLoadingException e) {
            return false;
        }
    }

    @Override
    public int ordinal() {
        return 600;
    }
}
