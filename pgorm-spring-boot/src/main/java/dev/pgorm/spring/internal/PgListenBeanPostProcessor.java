package dev.pgorm.spring.internal;

import dev.pgorm.spring.PgListen;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Collects the {@code @PgListen} methods of every bean as it is initialized, resolving placeholders
 * in the channel names; the {@link PgListenContainer} serves them when the context starts.
 */
public final class PgListenBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private final List<PgListenEndpoint> endpoints = new CopyOnWriteArrayList<>();
    private ConfigurableBeanFactory beanFactory;

    /** Created by the auto-configuration. */
    public PgListenBeanPostProcessor() {}

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> target = AopUtils.getTargetClass(bean);
        if (!AnnotationUtils.isCandidateClass(target, PgListen.class)) {
            return bean;
        }
        Map<Method, PgListen> methods =
                MethodIntrospector.selectMethods(
                        target,
                        (MethodIntrospector.MetadataLookup<PgListen>)
                                m -> AnnotatedElementUtils.findMergedAnnotation(m, PgListen.class));
        methods.forEach(
                (method, listen) -> {
                    String channel = beanFactory.resolveEmbeddedValue(listen.channel());
                    if (channel == null || channel.isBlank()) {
                        throw new IllegalStateException(
                                "@PgListen on "
                                        + target.getSimpleName()
                                        + "."
                                        + method.getName()
                                        + " names no channel; set channel = \"...\"");
                    }
                    Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
                    endpoints.add(PgListenEndpoint.of(channel, bean, invocable));
                });
        return bean;
    }

    /** Returns the methods found so far. */
    List<PgListenEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }
}
