package dev.pgorm.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RlsContextTest {

    @Test
    void scopesNestAndRestore() {
        assertThat(RlsContext.current()).isEmpty();
        RlsContext.Scope outer = RlsContext.set(Map.of("app.tenant_id", "1", "app.user_id", "7"));
        RlsContext.Scope inner = RlsContext.set("app.tenant_id", "2");
        assertThat(RlsContext.current())
                .containsEntry("app.tenant_id", "2")
                .containsEntry("app.user_id", "7");
        inner.close();
        inner.close(); // closing twice is harmless
        assertThat(RlsContext.current()).containsEntry("app.tenant_id", "1");
        outer.close();
        assertThat(RlsContext.current()).isEmpty();
    }

    @Test
    void contextIsPerThread() throws Exception {
        RlsContext.Scope scope = RlsContext.set("app.tenant_id", "1");
        try {
            Map<String, String> elsewhere =
                    CompletableFuture.supplyAsync(RlsContext::current).get();
            assertThat(elsewhere).isEmpty();
            assertThatThrownBy(() -> CompletableFuture.runAsync(scope::close).join())
                    .hasMessageContaining("closed on the thread that opened it");
        } finally {
            scope.close();
        }
    }

    @Test
    void callWithRestoresOnException() {
        assertThatThrownBy(
                        () ->
                                RlsContext.callWith(
                                        Map.of("app.tenant_id", "9"),
                                        () -> {
                                            throw new IllegalStateException("boom");
                                        }))
                .hasMessage("boom");
        assertThat(RlsContext.current()).isEmpty();
    }

    @Test
    void settingNamesAreChecked() {
        assertThatThrownBy(() -> RlsContext.set("tenant", "1"))
                .hasMessageContaining("prefix and a name separated by a dot");
        assertThatThrownBy(() -> RlsContext.set("app.x'; drop table t; --", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RlsContext.set(Map.of("app.tenant_id", "1", "bad", "2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RlsContext.current()).isEmpty();
    }
}
