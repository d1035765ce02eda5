package dev.pgorm.types.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.mapping.BasicValue;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Gives every entity attribute mapped {@code @JdbcTypeCode(PgSqlTypes.HSTORE)} on a {@code Map} (no
 * converter) the {@link PgHstoreJavaType}, so that a {@code Map} query parameter compared with it
 * or passed beside it to {@code hstore_contains} binds as {@code hstore}: basic attributes,
 * attributes of embeddables (nested too) and elements of element collections. Runs when PostgreSQL
 * is the dialect and {@code pgorm.types.enabled} is on.
 *
 * <p>Why here: Hibernate resolves a {@code Map<String, String>} attribute to a Java type of its own
 * inside {@code BasicValue} resolution, and registering one for {@code Map} would change every map
 * attribute (JSON ones and element collections too). After resolution, each {@code hstore} value is
 * re-resolved on a copy with our descriptor, wrapping Hibernate's, as its explicit Java type, and
 * the new resolution is copied back ({@code BasicValue.copyTypeFrom}), as for JSON in {@link
 * PgJsonMappingContributor}.
 */
public final class PgHstoreMappingContributor implements AdditionalMappingContributor {

    /** Creates the contributor; Hibernate does this through the service loader. */
    public PgHstoreMappingContributor() {}

    @Override
    public String getContributorName() {
        return "pgorm-types-hstore";
    }

    @Override
    public void contribute(
            AdditionalMappingContributions contributions,
            InFlightMetadataCollector metadata,
            ResourceStreamLocator resourceStreamLocator,
            MetadataBuildingContext buildingContext) {
        if (!PgDialectGuard.isPostgreSQL(metadata.getDatabase().getDialect())
                || !PgSettingsReader.of(buildingContext.getBootstrapContext().getServiceRegistry())
                        .isModuleEnabled("types")) {
            return;
        }
        TypeConfiguration types = buildingContext.getBootstrapContext().getTypeConfiguration();
        BasicValueWalk.walk(metadata, (attribute, value) -> replace(attribute, value, types));
    }

    /** Gives one hstore map value our descriptor; returns whether it did. */
    private static boolean replace(String attribute, BasicValue value, TypeConfiguration types) {
        Function<TypeConfiguration, JdbcType> explicit = value.getExplicitJdbcTypeAccess();
        if (explicit == null || explicit.apply(types) != HstoreJdbcType.INSTANCE) {
            return false; // decided without resolving values that are not hstore
        }
        BasicValue.Resolution<?> resolution = value.resolve();
        JavaType<?> resolved = resolution.getDomainJavaType();
        if (resolution.getJdbcType() != HstoreJdbcType.INSTANCE
                || resolution.getValueConverter() != null
                || resolved instanceof PgHstoreJavaType
                || !Map.class.isAssignableFrom(resolved.getJavaTypeClass())) {
            return false;
        }
        PgHstoreJavaType<?> hstore = new PgHstoreJavaType<>(resolved);
        BasicValue copy = value.copy();
        copy.setExplicitJavaTypeAccess(t -> hstore);
        copy.setExplicitJdbcTypeAccess(t -> HstoreJdbcType.INSTANCE);
        BasicValue.Resolution<?> hstoreResolution = copy.resolve();
        if (hstoreResolution.getDomainJavaType() != hstore
                || hstoreResolution.getJdbcType() != HstoreJdbcType.INSTANCE
                || hstoreResolution.getMutabilityPlan().getClass()
                        != resolution.getMutabilityPlan().getClass()) {
            throw new IllegalStateException(
                    "PG-ORM could not give the hstore attribute "
                            + attribute
                            + " its Java type for Map query parameters (resolved as "
                            + hstoreResolution.getDomainJavaType()
                            + " / "
                            + hstoreResolution.getJdbcType()
                            + " / "
                            + hstoreResolution.getMutabilityPlan()
                            + "); please report this mapping");
        }
        value.copyTypeFrom(copy);
        return true;
    }
}
