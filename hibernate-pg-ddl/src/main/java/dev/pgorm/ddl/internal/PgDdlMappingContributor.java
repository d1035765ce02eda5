package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.ddl.PgDdlSettings;
import dev.pgorm.ddl.collation.internal.CollationBinder;
import dev.pgorm.ddl.constraint.internal.ExclusionBinder;
import dev.pgorm.ddl.domain.internal.DomainBinder;
import dev.pgorm.ddl.encryption.internal.EncryptedBinder;
import dev.pgorm.ddl.extension.internal.ExtensionBinder;
import dev.pgorm.ddl.index.internal.IndexBinder;
import dev.pgorm.ddl.inheritance.internal.InheritanceBinder;
import dev.pgorm.ddl.partition.internal.PartitionBinder;
import dev.pgorm.ddl.procedure.internal.ProcedureBinder;
import dev.pgorm.ddl.rls.internal.RowLevelSecurityBinder;
import dev.pgorm.ddl.statistics.internal.StatisticsBinder;
import dev.pgorm.ddl.table.internal.TableOptionsBinder;
import dev.pgorm.ddl.trigger.internal.TriggerBinder;
import dev.pgorm.ddl.view.internal.MaterializedViewBinder;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.mapping.PersistentClass;

/**
 * Reads PG-ORM's DDL annotations once Hibernate has bound every entity, checks them, and adds the
 * declared objects to Hibernate's relational model. Does nothing unless the dialect is PostgreSQL
 * and {@code pgorm.ddl.enabled} is on.
 */
public final class PgDdlMappingContributor implements AdditionalMappingContributor {

    /** Creates the contributor; Hibernate does this through the service loader. */
    public PgDdlMappingContributor() {}

    @Override
    public String getContributorName() {
        return "pgorm-ddl";
    }

    @Override
    public void contribute(
            AdditionalMappingContributions contributions,
            InFlightMetadataCollector metadata,
            ResourceStreamLocator resourceStreamLocator,
            MetadataBuildingContext buildingContext) {
        if (!PgDialectGuard.isPostgreSQL(metadata.getDatabase().getDialect())) {
            EncryptedBinder.refuse(metadata.getEntityBindings(), "the dialect is not PostgreSQL");
            return;
        }
        PgSettingsReader settings =
                PgSettingsReader.of(buildingContext.getBootstrapContext().getServiceRegistry());
        if (!settings.isModuleEnabled("ddl")) {
            EncryptedBinder.refuse(
                    metadata.getEntityBindings(), PgDdlSettings.ENABLED + " is false");
            return;
        }
        DdlRegistry registry =
                new DdlRegistry(settings.getBoolean(PgDdlSettings.INDEX_CONCURRENTLY, false));
        List<EntityTable> entities = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getMappedClass() != null) {
                EntityTable table = new EntityTable(entity, metadata);
                entities.add(table);
                registry.addTable(table);
            }
        }
        DomainBinder domains = new DomainBinder(registry);
        for (EntityTable entity : entities) {
            domains.declare(entity);
        }
        for (EntityTable entity : entities) {
            domains.applyTypes(entity);
        }
        for (EntityTable entity : entities) {
            EncryptedBinder.bind(entity, registry);
            ExtensionBinder.bind(entity, registry);
            CollationBinder.bind(entity, registry);
            MaterializedViewBinder.bind(entity, registry);
            InheritanceBinder.bind(entity, registry);
            TableOptionsBinder.bind(entity, registry);
            PartitionBinder.bind(entity, registry);
            TriggerBinder.bind(entity, registry);
            ProcedureBinder.bind(entity, registry);
            IndexBinder.bind(entity, registry);
            StatisticsBinder.bind(entity, registry);
            RowLevelSecurityBinder.bind(entity, registry);
            ExclusionBinder.bind(entity, registry);
        }
        if (settings.getBoolean(PgDdlSettings.SAFE_ENUM_TYPES, true)) {
            SafeEnumTypes.apply(metadata.getDatabase());
        }
        registry.registerWith(metadata.getDatabase());
    }
}
