package dev.pgorm.spring.internal;

import dev.pgorm.notify.PgNotification;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import org.springframework.util.ReflectionUtils;

/** One {@code @PgListen} method of one bean: how its argument is made and how it is called. */
final class PgListenEndpoint {

    private enum Argument {
        NONE,
        NOTIFICATION,
        PAYLOAD,
        JSON
    }

    private final String channel;
    private final Object bean;
    private final Method method;
    private final Argument argument;
    private final Type jsonType;

    private PgListenEndpoint(String channel, Object bean, Method method) {
        this.channel = channel;
        this.bean = bean;
        this.method = method;
        if (method.getParameterCount() > 1) {
            throw new IllegalStateException(
                    "@PgListen method "
                            + describe()
                            + " takes "
                            + method.getParameterCount()
                            + " parameters; give it one: a PgNotification, a String (the payload)"
                            + " or a type the JSON payload decodes into");
        }
        Class<?> type = method.getParameterCount() == 0 ? null : method.getParameterTypes()[0];
        if (type == null) {
            argument = Argument.NONE;
        } else if (type == PgNotification.class) {
            argument = Argument.NOTIFICATION;
        } else if (type == String.class) {
            argument = Argument.PAYLOAD;
        } else {
            argument = Argument.JSON;
        }
        jsonType = argument == Argument.JSON ? method.getGenericParameterTypes()[0] : null;
        ReflectionUtils.makeAccessible(method);
    }

    static PgListenEndpoint of(String channel, Object bean, Method method) {
        return new PgListenEndpoint(channel, bean, method);
    }

    String channel() {
        return channel;
    }

    String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** Calls the method with the notification; throws what it threw, or the decoding failure. */
    void invoke(PgNotification n, PayloadDecoder decoder) throws Throwable {
        Object[] args =
                switch (argument) {
                    case NONE -> new Object[0];
                    case NOTIFICATION -> new Object[] {n};
                    case PAYLOAD -> new Object[] {n.payload()};
                    case JSON -> new Object[] {decoder.decode(n.payload(), jsonType)};
                };
        try {
            method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
