package dev.pgorm.bulk.internal;

import java.util.Collection;
import java.util.Map;
import org.hibernate.Filter;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.internal.FilterImpl;

/**
 * Gives a session that PgBulk opens on the caller's connection the caller's enabled filters, with
 * their parameter values, so that its queries see the rows the caller's queries would see.
 */
final class SessionFilters {

    private SessionFilters() {}

    /** Makes {@code to}'s enabled filters those of {@code from}, with the same arguments. */
    static void copy(SharedSessionContractImplementor from, SharedSessionContractImplementor to) {
        LoadQueryInfluencers source = from.getLoadQueryInfluencers();
        LoadQueryInfluencers target = to.getLoadQueryInfluencers();
        for (String name : target.getEnabledFilterNames().toArray(String[]::new)) {
            if (source.getEnabledFilter(name) == null) {
                target.disableFilter(name); // auto-enabled, but the caller disabled it
            }
        }
        for (Map.Entry<String, Filter> e : source.getEnabledFilters().entrySet()) {
            Filter filter = target.enableFilter(e.getKey());
            if (e.getValue() instanceof FilterImpl enabled) {
                // Arguments only; a parameter resolved by a Supplier resolves in the copy too.
                enabled.getParameters()
                        .forEach(
                                (parameter, value) -> {
                                    if (value instanceof Collection<?> values) {
                                        filter.setParameterList(parameter, values);
                                    } else {
                                        filter.setParameter(parameter, value);
                                    }
                                });
            }
        }
    }
}
