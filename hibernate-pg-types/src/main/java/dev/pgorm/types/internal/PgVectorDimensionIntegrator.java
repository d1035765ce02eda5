package dev.pgorm.types.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;

/**
 * Finds every {@code float[]} attribute mapped to a {@code vector(n)} or {@code halfvec(n)} column
 * and registers {@link VectorDimensionCheck} for them. Does nothing unless the dialect is
 * PostgreSQL and the types module is on.
 */
public final class PgVectorDimensionIntegrator implements Integrator {

    private static final Pattern VECTOR_TYPE =
            Pattern.compile("(vector|halfvec)\\s*\\(\\s*(\\d+)\\s*\\)");

    /** Creates the integrator; Hibernate does this through the service loader. */
    public PgVectorDimensionIntegrator() {}

    @Override
    public void integrate(
            Metadata metadata,
            BootstrapContext bootstrapContext,
            SessionFactoryImplementor factory) {
        if (!PgDialectGuard.isPostgreSQL(metadata.getDatabase().getDialect())
                || !PgSettingsReader.of(factory.getProperties()).isModuleEnabled("types")) {
            return;
        }
        Map<String, List<VectorDimensionCheck.VectorColumn>> columns = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            List<VectorDimensionCheck.VectorColumn> found = new ArrayList<>();
            for (Property property : entity.getPropertyClosure()) {
                VectorDimensionCheck.VectorColumn column = vectorColumn(property, metadata);
                if (column != null) {
                    found.add(column);
                }
            }
            if (!found.isEmpty()) {
                columns.put(entity.getEntityName(), found);
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        VectorDimensionCheck check = new VectorDimensionCheck(columns);
        EventListenerRegistry registry =
                factory.getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.PRE_INSERT, check);
        registry.appendListeners(EventType.PRE_UPDATE, check);
        registry.appendListeners(EventType.PRE_UPSERT, check);
    }

    private static VectorDimensionCheck.VectorColumn vectorColumn(
            Property property, Metadata metadata) {
        if (!(property.getValue() instanceof BasicValue value)
                || value.getColumnSpan() != 1
                || !(value.getSelectables().get(0) instanceof Column column)
                || value.resolve().getDomainJavaType().getJavaTypeClass() != float[].class) {
            return null;
        }
        String sqlType = column.getSqlType(metadata).toLowerCase(Locale.ROOT);
        Matcher m = VECTOR_TYPE.matcher(sqlType);
        if (!m.matches()) {
            return null;
        }
        return new VectorDimensionCheck.VectorColumn(
                property.getName(),
                value.getTable().getName() + "." + column.getName(),
                sqlType,
                Integer.parseInt(m.group(2)));
    }
}
