package dev.pgorm.spring.internal;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Finds the application's single {@code RlsContextProvider} bean without loading the RLS module's
 * classes when that module is not on the classpath.
 */
final class RlsProviders {

    static final String PROVIDER = "dev.pgorm.rls.RlsContextProvider";

    private final ListableBeanFactory beans;

    RlsProviders(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Returns the single provider bean, or null when there is none, several, or no RLS module. */
    Object unique() {
        ClassLoader loader =
                beans instanceof ConfigurableBeanFactory c
                        ? c.getBeanClassLoader()
                        : getClass().getClassLoader();
        if (!ClassUtils.isPresent(PROVIDER, loader)) {
            return null;
        }
        Class<?> type = ClassUtils.resolveClassName(PROVIDER, loader);
        return beans.getBeanProvider(type).getIfUnique();
    }
}
