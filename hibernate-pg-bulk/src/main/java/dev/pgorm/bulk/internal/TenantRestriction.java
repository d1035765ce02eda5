package dev.pgorm.bulk.internal;

import java.util.Optional;
import org.hibernate.binder.internal.TenantIdBinder;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.TenantIdMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The {@code @TenantId} column and the session's tenant: updates, upserts and deletes touch only
 * that tenant's rows, as Hibernate's own tenant filter restricts its queries. None for an entity
 * without a tenant column, or where Hibernate does not filter (the root tenant).
 *
 * @param column the column's SQL name
 * @param value the session's tenant as the column's JDBC value, bound as a parameter
 */
record TenantRestriction(String column, Object value) {

    static Optional<TenantRestriction> of(
            EntityPersister persister, SharedSessionContractImplementor session) {
        if (!(persister instanceof AbstractEntityPersister p)
                || p.getTenantIdMapping() == null
                || session.getLoadQueryInfluencers().getEnabledFilter(TenantIdBinder.FILTER_NAME)
                        == null) {
            return Optional.empty();
        }
        SelectableMapping column = column(p.getTenantIdMapping());
        return Optional.of(
                new TenantRestriction(
                        column.getSelectionExpression(),
                        column.getJdbcMapping()
                                .convertToRelationalValue(session.getTenantIdentifierValue())));
    }

    /** The {@code @TenantId} column's SQL name, or null for an entity without one. */
    static String columnName(EntityPersister persister) {
        return persister instanceof AbstractEntityPersister p && p.getTenantIdMapping() != null
                ? column(p.getTenantIdMapping()).getSelectionExpression()
                : null;
    }

    private static SelectableMapping column(TenantIdMapping tenant) {
        return tenant.getAttributeMapping().getSelectable(0);
    }
}
