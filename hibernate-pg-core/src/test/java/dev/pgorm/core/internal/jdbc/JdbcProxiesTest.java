package dev.pgorm.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class JdbcProxiesTest {

    /** A JDBC-like interface: a wrapper, a plain method, and a default method. */
    public interface Greeter extends Wrapper {
        String greet(String who) throws SQLException;

        default String shout(String who) throws SQLException {
            return greet(who).toUpperCase(Locale.ROOT);
        }
    }

    /** Something the target implements and the wrapper does not. */
    public interface Extra {}

    static final class Target implements Greeter, Extra {
        @Override
        public String greet(String who) throws SQLException {
            if (who == null) {
                throw new SQLException("nobody to greet");
            }
            if (who.isEmpty()) {
                throw new IllegalArgumentException("empty name");
            }
            return "hello " + who;
        }

        @Override
        public String shout(String who) {
            return "target shouts " + who;
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("not a " + iface.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }

        @Override
        public String toString() {
            return "the target";
        }
    }

    private final Target target = new Target();
    private final List<String> seen = new ArrayList<>();

    private Greeter passThrough() {
        return JdbcProxies.wrap(
                Greeter.class,
                target,
                "Greeting",
                call -> {
                    seen.add(call.name());
                    return call.proceed();
                });
    }

    @Test
    void equalsAndHashCodeAreTheWrappersIdentityAndToStringNamesBoth() {
        Greeter one = passThrough();
        Greeter two = passThrough();
        assertThat(one.equals(one)).isTrue();
        assertThat(one.equals(two)).isFalse();
        assertThat(one.equals(target)).isFalse();
        assertThat(one.hashCode()).isEqualTo(System.identityHashCode(one));
        assertThat(one.toString())
                .isEqualTo(
                        "Greeting@"
                                + Integer.toHexString(System.identityHashCode(one))
                                + " wrapping the target");
        assertThat(seen).as("calls the interceptor saw").isEmpty();
    }

    @Test
    void unwrapAnswersForTheWrapperFirstThenTheTarget() throws SQLException {
        Greeter wrapper = passThrough();
        assertThat(wrapper.unwrap(Greeter.class)).isSameAs(wrapper);
        assertThat(wrapper.unwrap(Wrapper.class)).isSameAs(wrapper);
        assertThat(wrapper.isWrapperFor(Greeter.class)).isTrue();
        assertThat(seen).as("calls the interceptor saw").isEmpty();

        assertThat(wrapper.unwrap(Extra.class)).isSameAs(target);
        assertThat(wrapper.isWrapperFor(Extra.class)).isTrue();
        assertThat(wrapper.isWrapperFor(Runnable.class)).isFalse();
        assertThatThrownBy(() -> wrapper.unwrap(Runnable.class))
                .isInstanceOf(SQLException.class)
                .hasMessage("not a java.lang.Runnable");
        assertThat(seen).containsExactly("unwrap", "isWrapperFor", "isWrapperFor", "unwrap");
    }

    @Test
    void theInterceptorHandlesWhatItCaresAboutAndPassesTheRestOn() throws SQLException {
        Greeter wrapper =
                JdbcProxies.wrap(
                        Greeter.class,
                        target,
                        "Greeting",
                        call ->
                                call.name().equals("greet")
                                        ? call.proceed("dear " + call.arg(0))
                                        : call.proceed());
        assertThat(wrapper.greet("Ada")).isEqualTo("hello dear Ada");
        assertThat(wrapper.isWrapperFor(Extra.class)).isTrue();
    }

    @Test
    void defaultMethodsGoToTheTarget() throws SQLException {
        assertThat(passThrough().shout("Ada")).isEqualTo("target shouts Ada");
        assertThat(seen).containsExactly("shout");
    }

    @Test
    void exceptionsLeaveAsTheTargetThrewThem() {
        Greeter wrapper = passThrough();
        assertThatThrownBy(() -> wrapper.greet(null))
                .isExactlyInstanceOf(SQLException.class)
                .hasMessage("nobody to greet");
        assertThatThrownBy(() -> wrapper.greet(""))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty name");

        Greeter reflective =
                JdbcProxies.wrap(
                        Greeter.class,
                        target,
                        "Reflective",
                        call -> call.method().invoke(target, call.args()));
        assertThatThrownBy(() -> reflective.greet(null))
                .isExactlyInstanceOf(SQLException.class)
                .hasMessage("nobody to greet");
    }

    @Test
    void invokeThrowsWhatTheMethodThrew() throws Throwable {
        assertThatThrownBy(
                        () ->
                                JdbcProxies.invoke(
                                        target,
                                        Greeter.class.getMethod("greet", String.class),
                                        (Object) null))
                .isExactlyInstanceOf(SQLException.class);
        assertThat(JdbcProxies.invoke(target, Greeter.class.getMethod("greet", String.class), "x"))
                .isEqualTo("hello x");
    }

    @Test
    void aStandInAnswersOnlyWhatItsInterceptorDoes() throws SQLException {
        Greeter standIn =
                JdbcProxies.standIn(
                        Greeter.class,
                        "Recorder",
                        call -> call.name().equals("greet") ? "recorded" : call.proceed());
        assertThat(standIn.greet("Ada")).isEqualTo("recorded");
        assertThat(standIn.unwrap(Greeter.class)).isSameAs(standIn);
        assertThat(standIn.isWrapperFor(Extra.class)).isFalse();
        assertThatThrownBy(() -> standIn.unwrap(Extra.class))
                .isInstanceOf(SQLException.class)
                .hasMessage("Recorder wraps nothing that implements " + Extra.class.getName());
        assertThatThrownBy(() -> standIn.shout("Ada"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Recorder does not support shout");
        assertThat(standIn.toString()).doesNotContain("wrapping");
    }

    @Test
    void interceptorOfFindsOnlyItsOwnWrappers() {
        JdbcProxies.Interceptor interceptor = JdbcProxies.Call::proceed;
        Greeter wrapper = JdbcProxies.wrap(Greeter.class, target, "Greeting", interceptor);
        Object foreign =
                Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {Greeter.class},
                        (proxy, method, args) -> null);
        assertThat(JdbcProxies.interceptorOf(wrapper)).isSameAs(interceptor);
        assertThat(JdbcProxies.interceptorOf(target)).isNull();
        assertThat(JdbcProxies.interceptorOf(foreign)).isNull();
        assertThat(JdbcProxies.interceptorOf(null)).isNull();
    }
}
