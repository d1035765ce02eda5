package dev.pgorm.core.internal.reflect;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one mechanism behind the per-library classes: finds a member once, makes it accessible, and
 * when that fails logs one warning naming the member and the fallback taken.
 */
public final class PrivateAccess {

    private static final System.Logger LOG = System.getLogger("dev.pgorm");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private PrivateAccess() {}

    /**
     * Returns a declared field of {@code owner}, accessible, or empty (with one warning) when it is
     * not there or cannot be opened.
     *
     * @param owner the class that declares the field
     * @param name the field's name
     * @param fallback what PG-ORM does instead, for the warning
     * @return the field, or empty
     */
    public static Optional<Field> field(Class<?> owner, String name, String fallback) {
        try {
            return open(owner.getDeclaredField(name), owner.getName() + "." + name, fallback);
        } catch (NoSuchFieldException | RuntimeException | LinkageError e) {
            warnOnce(owner.getName() + "." + name, fallback, e);
            return Optional.empty();
        }
    }

    /**
     * Makes a member of a class PG-ORM does not own accessible (an application's record or bean),
     * or returns empty (with one warning per member) when the module system refuses.
     *
     * @param member the constructor, method or field
     * @param fallback what PG-ORM does instead, for the warning
     * @param <T> the member's type
     * @return the accessible member, or empty
     */
    public static <T extends AccessibleObject> Optional<T> accessible(T member, String fallback) {
        return open(member, member.toString(), fallback);
    }

    /**
     * Calls a public no-argument getter that a class may or may not have, such as a data source's
     * {@code getJdbcUrl}.
     *
     * @param target the object
     * @param getter the getter's name
     * @return its value as text, or null when the class has no such getter or it returned null
     */
    public static String getter(Object target, String getter) {
        try {
            Method m = target.getClass().getMethod(getter);
            Object value = m.invoke(target);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static <T extends AccessibleObject> Optional<T> open(
            T member, String name, String fallback) {
        try {
            member.setAccessible(true);
            return Optional.of(member);
        } catch (RuntimeException e) { // InaccessibleObjectException, SecurityException
            warnOnce(name, fallback, e);
            return Optional.empty();
        }
    }

    static boolean warnOnce(String member, String fallback, Throwable cause) {
        if (!WARNED.add(member)) {
            return false;
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "PG-ORM cannot use "
                        + member
                        + " ("
                        + cause
                        + "), so it "
                        + fallback
                        + ". This happens with a library version PG-ORM was not built for.");
        return true;
    }
}
