package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.domain.internal.DomainObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
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
 * Hibernate's schema validators, except that a column whose type is a user-defined type by name (an
 * array of a {@code @Struct} type, a {@code @PgDomain}) is checked by the type it has in the
 * catalog rather than by the name the driver reports.
 *
 * <p>Why: Hibernate 7.4 maps {@code List<Address>} of a {@code @Struct} embeddable to a column of
 * type {@code postal_address array} and creates it so, but its validator then expects the type name
 * {@code postal_address array} with code {@code STRUCT_ARRAY}, while the driver reports {@code
 * _postal_address} with code {@code ARRAY}: every {@code validate} of such a mapping fails. A
 * domain in a schema fails the same way: the driver reports {@code "billing"."amount"} for {@code
 * billing.amount}. Names cannot settle it either: a same-named type in another schema would pass
 * for the mapped one. So Hibernate's check is skipped for these columns, and {@link #wrongColumns}
 * compares the column's type with the type the mapping names, resolved as the column's DDL resolved
 * it (the name's own schema, or the search path).
 */
final class UserTypeValidation {

    /** The column's type, and the one the mapping wants (its array type for a struct array). */
    private static final String COLUMN_TYPE =
            """
            with wanted as (
              select case when ? then t.typarray else t.oid end as oid
                from pg_catalog.pg_type t where t.oid = pg_catalog.to_regtype(?))
            select pg_catalog.format_type(a.atttypid, a.atttypmod) as found,
                   (select pg_catalog.format_type(w.oid, null) from wanted w where w.oid <> 0) as wanted,
                   coalesce(a.atttypid = (select w.oid from wanted w), false) as matches
              from pg_catalog.pg_attribute a
             where a.attrelid = pg_catalog.to_regclass(?) and a.attname = ?
               and a.attnum > 0 and not a.attisdropped
            """;

    /** A checked column as the catalog has it. */
    private record ColumnType(String found, String wanted, boolean matches) {}

    /** What a column's type is checked against: a type name, and whether its array is meant. */
    private record Expected(String typeName, boolean array, String kind) {}

    private UserTypeValidation() {}

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
     * Returns whether {@link #wrongColumns} checks {@code column}, and the database reports it as
     * such a column (an array, a domain), so that Hibernate's check of it is skipped.
     */
    static boolean checkedByType(Column column, ColumnInformation reported, Metadata metadata) {
        Expected expected = expected(column, metadata, domains(metadata));
        return expected != null
                && reported.getTypeCode() == (expected.array() ? Types.ARRAY : Types.DISTINCT);
    }

    private static Set<String> domains(Metadata metadata) {
        Set<String> names = new HashSet<>();
        for (PgDdlObject object : PgDdlObject.declaredIn(metadata)) {
            if (object instanceof DomainObject domain) {
                names.add(domain.rendered());
            }
        }
        return names;
    }

    /** Returns what {@code column}'s type is checked against, or null for Hibernate's check. */
    private static Expected expected(Column column, Metadata metadata, Set<String> domains) {
        if (column.getSqlType() != null && domains.contains(column.getSqlType())) {
            return new Expected(column.getSqlType(), false, "@PgDomain");
        }
        if (column.getSqlTypeCode(metadata) != SqlTypes.STRUCT_ARRAY) {
            return null;
        }
        String type = column.getSqlType(metadata).strip();
        String lower = type.toLowerCase(Locale.ROOT);
        String element =
                lower.endsWith(" array")
                        ? type.substring(0, type.length() - " array".length()).strip()
                        : lower.endsWith("[]")
                                ? type.substring(0, type.length() - 2).strip()
                                : null;
        return element == null ? null : new Expected(element, true, "@Struct type");
    }

    /**
     * Describes each checked column whose type is not the one the mapping names; a missing table or
     * column is left to Hibernate's validator, which reports it.
     */
    static List<String> wrongColumns(
            Metadata metadata, SqlStringGenerationContext context, Connection connection)
            throws SQLException {
        Dialect dialect = metadata.getDatabase().getDialect();
        PgCatalog catalog = PgCatalog.on(connection);
        Set<String> domains = domains(metadata);
        List<String> wrong = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                if (!table.isPhysicalTable()) {
                    continue;
                }
                for (Column column : table.getColumns()) {
                    Expected expected = expected(column, metadata, domains);
                    if (expected == null) {
                        continue;
                    }
                    String tableName = context.format(table.getQualifiedTableName());
                    Optional<ColumnType> type =
                            catalog.optional(
                                    COLUMN_TYPE,
                                    row ->
                                            new ColumnType(
                                                    row.getString("found"),
                                                    row.getString("wanted"),
                                                    row.getBoolean("matches")),
                                    expected.array(),
                                    expected.typeName(),
                                    tableName,
                                    PgIdentifiers.normalize(column.getQuotedName(dialect)));
                    if (type.isPresent() && !type.get().matches()) {
                        wrong.add(
                                describe(tableName + "." + column.getName(), type.get(), expected));
                    }
                }
            }
        }
        return wrong;
    }

    private static String describe(String column, ColumnType type, Expected expected) {
        String named = expected.kind() + " " + expected.typeName();
        return "column "
                + column
                + " is "
                + type.found()
                + (type.wanted() == null
                        ? ", but "
                                + named
                                + " does not exist where the column's DDL looks for it (the"
                                + " name's schema, or the search path)"
                        : ", the mapping wants "
                                + type.wanted()
                                + " ("
                                + (expected.array() ? "the array of " : "")
                                + named
                                + ")");
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
            if (!checkedByType(column, reported, metadata)) {
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
            if (!checkedByType(column, reported, metadata)) {
                super.validateColumnType(table, column, reported, metadata, dialect);
            }
        }
    }
}
