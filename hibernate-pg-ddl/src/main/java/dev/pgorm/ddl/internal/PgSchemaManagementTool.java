package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.ddl.PgDdlSettings;
import dev.pgorm.ddl.extension.internal.ExtensionObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.HibernateSchemaManagementTool;
import org.hibernate.tool.schema.internal.exec.JdbcContext;
import org.hibernate.tool.schema.spi.GenerationTarget;
import org.hibernate.tool.schema.spi.SchemaCreator;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaMigrator;
import org.hibernate.tool.schema.spi.SchemaValidator;
import org.hibernate.tool.schema.spi.TargetDescriptor;

/**
 * Hibernate's own schema tool with additions for PG-ORM's declared objects: before creating or
 * migrating a database it checks that every needed extension is installed or available, {@code
 * validate} also checks the catalog for every declared object, and so does {@code update} after
 * migrating. Everything else (statement order, targets, scripts) is Hibernate's, which sees our
 * objects as auxiliary database objects.
 *
 * <p>Registered through {@code META-INF/services}, so it is used unless the application sets {@code
 * hibernate.schema_management_tool}.
 */
public class PgSchemaManagementTool extends HibernateSchemaManagementTool {

    private static final long serialVersionUID = 1L;

    private static final System.Logger LOG = System.getLogger("dev.pgorm.ddl");

    private static final String EXTENSION_AVAILABLE =
            """
            select exists (select 1 from pg_catalog.pg_available_extensions where name = ?)
                or exists (select 1 from pg_catalog.pg_extension where extname = ?)
            """;

    /** Creates the tool; Hibernate does this through the service loader. */
    public PgSchemaManagementTool() {}

    @Override
    public SchemaCreator getSchemaCreator(Map<String, Object> options) {
        SchemaCreator delegate = super.getSchemaCreator(options);
        return (metadata, execution, filter, source, target) -> {
            if (target.getTargetTypes().contains(TargetType.DATABASE)) {
                checkExtensions(metadata, execution.getConfigurationValues());
            }
            delegate.doCreation(metadata, execution, filter, source, target);
        };
    }

    @Override
    public SchemaMigrator getSchemaMigrator(Map<String, Object> options) {
        SchemaMigrator delegate = super.getSchemaMigrator(options);
        return (metadata, execution, filter, target) -> {
            if (target.getTargetTypes().contains(TargetType.DATABASE)) {
                checkExtensions(metadata, execution.getConfigurationValues());
                checkBeforeUpdate(metadata, execution.getConfigurationValues());
            }
            Map<String, String> rewrites =
                    compositeTypeRewrites(metadata, execution.getConfigurationValues());
            CompositeTypeUpdate.during(
                    rewrites,
                    () -> {
                        delegate.doMigration(metadata, execution, filter, target);
                        return null;
                    });
            if (target.getTargetTypes().contains(TargetType.DATABASE)) {
                checkAfterUpdate(metadata, execution.getConfigurationValues());
            }
        };
    }

    /**
     * Hibernate's {@code update} runs the statements of auxiliary objects quietly: a declared
     * object that could not be created (an exclusion constraint the existing rows violate, an index
     * whose declaration changed but that was built concurrently) would go unnoticed. So the catalog
     * is checked afterwards, as {@code validate} does: what is missing or different fails the
     * update when {@code hibernate.hbm2ddl.halt_on_error} is set, and is logged as a warning
     * otherwise.
     */
    private void checkAfterUpdate(Metadata metadata, Map<String, Object> config) {
        List<String> missing = missingObjects(metadata, config);
        if (missing.isEmpty()) {
            return;
        }
        String message =
                "PG-ORM: after schema update, missing or different in the database: "
                        + String.join("; ", missing)
                        + " (update cannot change these in place; see the PostgreSQL log or run the"
                        + " generated script to see why)";
        if (PgSettingsReader.of(config)
                .getBoolean(AvailableSettings.HBM2DDL_HALT_ON_ERROR, false)) {
            throw new SchemaManagementException(message);
        }
        LOG.log(System.Logger.Level.WARNING, message);
    }

    /**
     * Refuses an {@code update} that a declared object says it must not make (a
     * {@code @PgEncrypted} column that holds plain text, say), before anything changes.
     */
    private void checkBeforeUpdate(Metadata metadata, Map<String, Object> config) {
        List<CatalogInspection> inspected = CatalogInspection.declaredIn(metadata);
        if (inspected.isEmpty()) {
            return;
        }
        SqlStringGenerationContext context = generationContext(metadata, config);
        withConnection(
                config,
                connection -> {
                    List<String> refusals = new ArrayList<>();
                    for (CatalogInspection object : inspected) {
                        refusals.addAll(object.updateRefusals(PgCatalog.on(connection), context));
                    }
                    if (!refusals.isEmpty()) {
                        throw new SchemaManagementException(
                                "PG-ORM: schema update refused, nothing was changed: "
                                        + String.join("; ", refusals));
                    }
                });
    }

    /** How {@code update} keeps the existing composite types: see {@link CompositeTypeUpdate}. */
    private Map<String, String> compositeTypeRewrites(
            Metadata metadata, Map<String, Object> config) {
        if (!CompositeTypeUpdate.any(metadata)) {
            return Map.of();
        }
        List<Map<String, String>> result = new ArrayList<>();
        SqlStringGenerationContext context = generationContext(metadata, config);
        withConnection(
                config,
                connection -> {
                    List<CompositeTypeUpdate.Comparison> comparisons =
                            CompositeTypeUpdate.compare(metadata, context, connection);
                    try {
                        result.add(CompositeTypeUpdate.rewrites(metadata, context, comparisons));
                    } catch (IllegalStateException refused) {
                        throw new SchemaManagementException(refused.getMessage());
                    }
                });
        return result.isEmpty() ? Map.of() : result.get(0);
    }

    private SqlStringGenerationContext generationContext(
            Metadata metadata, Map<String, Object> config) {
        return SqlStringGenerationContextImpl.fromConfigurationMap(
                getServiceRegistry().requireService(JdbcEnvironment.class),
                metadata.getDatabase(),
                config);
    }

    @Override
    public SchemaValidator getSchemaValidator(Map<String, Object> options) {
        SchemaValidator delegate =
                UserTypeValidation.validator(this, getServiceRegistry(), options);
        return (metadata, execution, filter) -> {
            delegate.doValidation(metadata, execution, filter);
            validateDeclaredObjects(metadata, execution.getConfigurationValues());
        };
    }

    @Override
    public DdlTransactionIsolator getDdlTransactionIsolator(JdbcContext jdbcContext) {
        return new IdempotentAddColumn.Isolator(super.getDdlTransactionIsolator(jdbcContext));
    }

    @Override
    protected GenerationTarget buildStdoutTarget(String scriptDelimiter) {
        return new IdempotentAddColumn(super.buildStdoutTarget(scriptDelimiter));
    }

    @Override
    protected GenerationTarget buildScriptTarget(
            TargetDescriptor targetDescriptor, String scriptDelimiter) {
        return new IdempotentAddColumn(super.buildScriptTarget(targetDescriptor, scriptDelimiter));
    }

    private void checkExtensions(Metadata metadata, Map<String, Object> config) {
        List<ExtensionObject> extensions = new ArrayList<>();
        for (PgDdlObject object : PgDdlObject.declaredIn(metadata)) {
            if (object instanceof ExtensionObject) {
                extensions.add((ExtensionObject) object);
            }
        }
        if (extensions.isEmpty()
                || !PgSettingsReader.of(config).getBoolean(PgDdlSettings.CHECK_EXTENSIONS, true)) {
            return;
        }
        withConnection(
                config,
                connection -> {
                    List<String> missing = new ArrayList<>();
                    for (ExtensionObject extension : extensions) {
                        if (!PgCatalog.on(connection)
                                .bool(EXTENSION_AVAILABLE, extension.name(), extension.name())) {
                            missing.add(
                                    "extension '"
                                            + extension.name()
                                            + "' is neither installed nor available on the server, but "
                                            + String.join(", ", extension.neededBy())
                                            + " needs it: install it on the PostgreSQL server (its"
                                            + " package or source) or remove what needs it");
                        }
                    }
                    if (!missing.isEmpty()) {
                        throw new SchemaManagementException(
                                "PG-ORM: " + String.join("; ", missing));
                    }
                });
    }

    private void validateDeclaredObjects(Metadata metadata, Map<String, Object> config) {
        List<String> missing = missingObjects(metadata, config);
        if (!missing.isEmpty()) {
            throw new SchemaManagementException(
                    "Schema validation: missing or different in the database: "
                            + String.join("; ", missing)
                            + " (run schema export with create or update, or the"
                            + " generated script)");
        }
    }

    /** Runs every declared object's catalog checks; returns the descriptions of those failing. */
    private List<String> missingObjects(Metadata metadata, Map<String, Object> config) {
        List<PgDdlObject> objects = PgDdlObject.declaredIn(metadata);
        List<String> missing = new ArrayList<>();
        if (objects.isEmpty() && !CompositeTypeUpdate.any(metadata)) {
            return missing;
        }
        SqlStringGenerationContext context = generationContext(metadata, config);
        withConnection(
                config,
                connection -> {
                    PgCatalog catalog = PgCatalog.on(connection);
                    for (PgDdlObject object : objects) {
                        DeclaredObjectChecks.collect(catalog, object, context, missing);
                    }
                    for (CompositeTypeUpdate.Comparison type :
                            CompositeTypeUpdate.compare(metadata, context, connection)) {
                        if (!type.equal()) {
                            missing.add(type.difference());
                        }
                    }
                    missing.addAll(UserTypeValidation.wrongColumns(metadata, context, connection));
                });
        return missing;
    }

    private interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    private void withConnection(Map<String, Object> config, ConnectionWork work) {
        JdbcConnectionAccess access = resolveJdbcContext(config).getJdbcConnectionAccess();
        Connection connection = null;
        try {
            connection = access.obtainConnection();
            work.run(connection);
        } catch (SQLException e) {
            throw new SchemaManagementException(
                    "PG-ORM could not read the catalog: " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                try {
                    access.releaseConnection(connection);
                } catch (SQLException ignored) {
                    // nothing more to do: the check itself has finished
                }
            }
        }
    }
}
