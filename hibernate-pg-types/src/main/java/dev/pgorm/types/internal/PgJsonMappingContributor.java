package dev.pgorm.types.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import dev.pgorm.types.PgTypesSettings;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonbType;
import org.hibernate.mapping.BasicValue;
import org.hibernate.type.descriptor.java.MutabilityPlan;
import org.hibernate.type.descriptor.java.spi.JsonJavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Gives every entity attribute that Hibernate mapped as JSON on its own
 * ({@code @JdbcTypeCode(SqlTypes.JSON)}, no converter, no {@code @Mutability} or
 * {@code @Immutable}) the lean {@link PgJsonJavaType}: basic attributes, attributes of embeddables
 * (nested too) and elements of element collections. Runs when PostgreSQL is the dialect and {@code
 * pgorm.types.enabled} and {@code pgorm.types.json_lean} are on.
 *
 * <p>Why here: Hibernate creates its {@code JsonJavaType} inside {@code BasicValue} resolution,
 * only when the {@code JavaTypeRegistry} holds no descriptor under the attribute's exact generic
 * type name, and a {@code TypeContributor} runs before any attribute is known. After resolution,
 * each such value is re-resolved on a copy with our descriptor as its explicit Java type, and the
 * new resolution is copied back ({@code BasicValue.copyTypeFrom}); column, JDBC type and
 * FormatMapper stay Hibernate's.
 */
public final class PgJsonMappingContributor implements AdditionalMappingContributor {

    /** Creates the contributor; Hibernate does this through the service loader. */
    public PgJsonMappingContributor() {}

    @Override
    public String getContributorName() {
        return "pgorm-types-json";
    }

    @Override
    public void contribute(
            AdditionalMappingContributions contributions,
            InFlightMetadataCollector metadata,
            ResourceStreamLocator resourceStreamLocator,
            MetadataBuildingContext buildingContext) {
        if (!PgDialectGuard.isPostgreSQL(metadata.getDatabase().getDialect())) {
            return;
        }
        PgSettingsReader settings =
                PgSettingsReader.of(buildingContext.getBootstrapContext().getServiceRegistry());
        if (!settings.isModuleEnabled("types")
                || !settings.getBoolean(PgTypesSettings.JSON_LEAN, true)) {
            return;
        }
        TypeConfiguration types = buildingContext.getBootstrapContext().getTypeConfiguration();
        Map<String, PgJsonJavaType<?>> descriptors = new HashMap<>();
        BasicValueWalk.walk(
                metadata, (attribute, value) -> replace(attribute, value, types, descriptors));
    }

    /** Gives one JSON value our descriptor; returns whether it did. */
    private static boolean replace(
            String attribute,
            BasicValue value,
            TypeConfiguration types,
            Map<String, PgJsonJavaType<?>> descriptors) {
        BasicValue.Resolution<?> resolution = value.resolve();
        if (resolution.getDomainJavaType().getClass() != JsonJavaType.class
                || resolution.getValueConverter() != null
                || hasExplicitMutability(value, types)) {
            return false;
        }
        Type declared = resolution.getDomainJavaType().getJavaType();
        PgJsonJavaType<?> lean =
                descriptors.computeIfAbsent(
                        declared.getTypeName(), name -> new PgJsonJavaType<>(declared, types));
        // jsonb through pgjdbc's PGobject, as the dialect sets it up: read maps and lists lazily
        JdbcType jdbcType =
                resolution.getJdbcType().getClass() == PostgreSQLJsonPGObjectJsonbType.class
                        ? PgJsonbJdbcType.INSTANCE
                        : resolution.getJdbcType();
        BasicValue copy = value.copy();
        copy.setExplicitJavaTypeAccess(t -> lean);
        copy.setExplicitJdbcTypeAccess(t -> jdbcType);
        BasicValue.Resolution<?> leanResolution = copy.resolve();
        if (leanResolution.getDomainJavaType() != lean
                || leanResolution.getJdbcType() != jdbcType) {
            throw new IllegalStateException(
                    "PG-ORM could not apply its JSON snapshot to "
                            + attribute
                            + " (resolved as "
                            + leanResolution.getDomainJavaType()
                            + " / "
                            + leanResolution.getJdbcType()
                            + "); set "
                            + PgTypesSettings.JSON_LEAN
                            + "=false to keep Hibernate's JSON mapping and report this case");
        }
        value.copyTypeFrom(copy);
        return true;
    }

    private static boolean hasExplicitMutability(BasicValue value, TypeConfiguration types) {
        Function<TypeConfiguration, MutabilityPlan<?>> access =
                value.getExplicitMutabilityPlanAccess();
        return access != null && access.apply(types) != null;
    }
}
