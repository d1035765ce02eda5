package dev.pgorm.core.internal.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Wraps JDBC objects (connections, statements, data sources) in JDK proxies that all follow one set
 * of rules, so that no module writes an {@code InvocationHandler} of its own.
 *
 * <p>The rules, the same for every wrapper:
 *
 * <ul>
 *   <li>{@code equals} and {@code hashCode} are those of the wrapper's identity; {@code toString}
 *       names the wrapper and what it wraps. The interceptor never sees these three.
 *   <li>{@code unwrap(iface)} returns the wrapper and {@code isWrapperFor(iface)} answers true when
 *       the wrapper itself implements {@code iface}; otherwise the call goes to the interceptor,
 *       and from there (by default) to the target.
 *   <li>Every other call goes to the interceptor, which handles the methods it cares about and
 *       passes the rest on with {@link Call#proceed()}; default methods of the interface go to the
 *       target too, so the driver's own implementation answers them.
 *   <li>What the target throws leaves the wrapper as it was thrown: an {@link
 *       InvocationTargetException} never escapes, its cause does.
 * </ul>
 */
public final class JdbcProxies {

    private static final Object[] NO_ARGS = {};

    private JdbcProxies() {}

    /** Handles the calls on a wrapper that it cares about, and passes the rest on. */
    @FunctionalInterface
    public interface Interceptor {

        /**
         * Returns the result of one call on the wrapper, typically {@code call.proceed()} for the
         * methods the interceptor does not care about.
         */
        Object intercept(Call call) throws Throwable;
    }

    /**
     * Returns a wrapper of {@code target} that implements {@code type} and sends its calls through
     * {@code interceptor}.
     *
     * @param name what the wrapper is, for {@code toString}, such as {@code "RlsConnection"}
     */
    public static <T> T wrap(Class<T> type, T target, String name, Interceptor interceptor) {
        return create(type, Objects.requireNonNull(target, "target"), name, interceptor);
    }

    /**
     * Returns a wrapper with no target (yet): the interceptor answers every call, and what it
     * passes on fails with {@link UnsupportedOperationException}; {@code unwrap} to anything the
     * wrapper does not implement fails, and {@code isWrapperFor} answers false.
     */
    public static <T> T standIn(Class<T> type, String name, Interceptor interceptor) {
        return create(type, null, name, interceptor);
    }

    /** Returns the interceptor of a wrapper made here, or null for any other object. */
    public static Interceptor interceptorOf(Object object) {
        if (object != null
                && Proxy.isProxyClass(object.getClass())
                && Proxy.getInvocationHandler(object) instanceof Handler handler) {
            return handler.interceptor;
        }
        return null;
    }

    /**
     * Calls {@code method} on {@code target} and returns its result, throwing what the method threw
     * rather than an {@link InvocationTargetException}.
     */
    public static Object invoke(Object target, Method method, Object... args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T create(Class<T> type, T target, String name, Interceptor interceptor) {
        Handler handler =
                new Handler(
                        target,
                        Objects.requireNonNull(name, "name"),
                        Objects.requireNonNull(interceptor, "interceptor"));
        return type.cast(
                Proxy.newProxyInstance(
                        JdbcProxies.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static boolean isWrapperMethod(Method method) {
        String name = method.getName();
        return (name.equals("unwrap") || name.equals("isWrapperFor"))
                && method.getParameterCount() == 1
                && method.getParameterTypes()[0] == Class.class;
    }

    /** The one invocation handler: applies the rules, then hands the call to the interceptor. */
    private static final class Handler implements InvocationHandler {
        private final Object target;
        private final String name;
        private final Interceptor interceptor;

        Handler(Object target, String name, Interceptor interceptor) {
            this.target = target;
            this.name = name;
            this.interceptor = interceptor;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return name
                                + "@"
                                + Integer.toHexString(System.identityHashCode(proxy))
                                + (target == null ? "" : " wrapping " + target);
                }
            }
            if (isWrapperMethod(method)
                    && args[0] instanceof Class<?> iface
                    && iface.isInstance(proxy)) {
                return method.getName().equals("unwrap") ? proxy : Boolean.TRUE;
            }
            try {
                return interceptor.intercept(
                        new Call(this, proxy, method, args == null ? NO_ARGS : args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        Object proceed(Method method, Object[] args) throws Throwable {
            if (target != null) {
                return JdbcProxies.invoke(target, method, args);
            }
            if (isWrapperMethod(method)) {
                if (method.getName().equals("isWrapperFor")) {
                    return Boolean.FALSE;
                }
                throw new SQLException(
                        name + " wraps nothing that implements " + ((Class<?>) args[0]).getName());
            }
            throw new UnsupportedOperationException(name + " does not support " + method.getName());
        }
    }

    /** One call on a wrapper, as the interceptor sees it. */
    public static final class Call {
        private final Handler handler;
        private final Object proxy;
        private final Method method;
        private final Object[] args;

        Call(Handler handler, Object proxy, Method method, Object[] args) {
            this.handler = handler;
            this.proxy = proxy;
            this.method = method;
            this.args = args;
        }

        /** Returns the wrapper the call was made on. */
        public Object proxy() {
            return proxy;
        }

        /** Returns the interface method called. */
        public Method method() {
            return method;
        }

        /** Returns the name of the method called. */
        public String name() {
            return method.getName();
        }

        /** Returns the arguments as passed (an empty array for none); not a copy. */
        public Object[] args() {
            return args;
        }

        /** Returns the argument at {@code index}, or null when the method has fewer. */
        public Object arg(int index) {
            return index < args.length ? args[index] : null;
        }

        /** Passes the call on to the target, with its own arguments, and returns the result. */
        public Object proceed() throws Throwable {
            return handler.proceed(method, args);
        }

        /** Passes the call on to the target with other arguments, and returns the result. */
        public Object proceed(Object... otherArgs) throws Throwable {
            return handler.proceed(method, otherArgs);
        }
    }
}
