package dev.pgorm.ddl.internal;

import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.JdbcMetadataAccessStrategy;
import org.hibernate.tool.schema.extract.spi.ColumnInformation;
import org.hibernate.tool.schema.internal.DefaultSchemaFilterProvider;
import org.hibernate.tool.schema.internal.GroupedSchemaValidatorImpl;
import org.hibernate.tool.schema.internal.HibernateSchemaManagementTool;
import org.hibernate.tool.schema.internal.IndividuallySchemaValidatorImpl;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;
import org.hibernate.tool.schema.spi.SchemaValidator;
import org.hibernate.type.SqlTypes;

/**
 * Hibernate's schema validators, except that a column holding an array of a {@code @Struct} type
 * validates against what PostgreSQL reports for it.
 *
 * <p>Why: Hibernate 7.4 maps {@code List<Address>} of a {@code @Struct} embeddable to a column of
 * type {@code postal_address[]} and creates it so, but its validator then expects the type name
 * {@code postal_address array} with code {@code STRUCT_ARRAY}, while the driver reports {@code
 * _postal_address} with code {@code ARRAY}: every {@code validate} of such a mapping fails. The
 * column matches when it is reported as an array whose element type is the struct's name; every
 * other column is checked by Hibernate as before.
 */
final class StructArrayValidation {

    private StructArrayValidation() {}

    /** Returns the validator Hibernate would build for {@code options}, with the fix above. */
    static SchemaValidator validator(
            HibernateSchemaManagementTool tool,
            ServiceRegistry registry,
            Map<String, Object> options) {
        // Hibernate's own choice of filter and strategy (its getter for the filter is private).
        SchemaFilter filter =
                registry.requireService(StrategySelector.class)
                        .resolveDefaultableStrategy(
                                SchemaFilterProvider.class,
                                options.get(AvailableSettings.HBM2DDL_FILTER_PROVIDER),
                                DefaultSchemaFilterProvider.INSTANCE)
                        .getValidateFilter();
        return JdbcMetadataAccessStrategy.interpretSetting(options)
                        == JdbcMetadataAccessStrategy.GROUPED
                ? new Grouped(tool, filter)
                : new Individually(tool, filter);
    }

    /**
     * Returns whether {@code column} is an array of a struct type and the database reports {@code
     * _<that type>}, PostgreSQL's name for its array type.
     */
    static boolean isStructArrayAsReported(
            Column column, ColumnInformation reported, Metadata metadata) {
        if (column.getSqlTypeCode(metadata) != SqlTypes.STRUCT_ARRAY
                || reported.getTypeCode() != Types.ARRAY) {
            return false;
        }
        String element = column.getSqlType(metadata).toLowerCase(Locale.ROOT);
        if (!element.endsWith(" array")) {
            return false;
        }
        element = element.substring(0, element.length() - " array".length());
        element = element.substring(element.lastIndexOf('.') + 1).replace("\"", "");
        String name = reported.getTypeName().toLowerCase(Locale.ROOT).replace("\"", "");
        return name.substring(name.lastIndexOf('.') + 1).equals("_" + element);
    }

    private static final class Grouped extends GroupedSchemaValidatorImpl {
        Grouped(HibernateSchemaManagementTool tool, SchemaFilter filter) {
            super(tool, filter);
        }

        @Override
        protected void validateColumnType(
                Table table,
                Column column,
                ColumnInformation reported,
                Metadata metadata,
                Dialect dialect) {
            if (!isStructArrayAsReported(column, reported, metadata)) {
                super.validateColumnType(table, column, reported, metadata, dialect);
            }
        }
    }

    private static final class Individually extends IndividuallySchemaValidatorImpl {
        Individually(HibernateSchemaManagementTool tool, SchemaFilter filter) {
            super(tool, filter);
        }

        @Override
        protected void validateColumnType(
                Table table,
                Column column,
                ColumnInformation reported,
                Metadata metadata,
                Dialect dialect) {
            if (!isStructArrayAsReported(column, reported, metadata)) {
                super.validateColumnType(table, column, reported, metadata, dialect);
            }
        }
    }
}
