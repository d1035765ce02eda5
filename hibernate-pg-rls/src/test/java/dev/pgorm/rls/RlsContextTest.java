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
    void closingTheOuterScopeFirstFailsAndLeavesNoContext() {
        RlsContext.Scope outer = RlsContext.set("app.tenant_id", "1");
        RlsContext.Scope inner = RlsContext.set("app.tenant_id", "2");
        assertThatThrownBy(outer::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed out of order")
                .hasMessageContaining("1 scope(s) opened inside it were still open");
        assertThat(RlsContext.current()).isEmpty();
        inner.close(); // already closed with the outer one: must not bring tenant 1 back
        assertThat(RlsContext.current()).isEmpty();
        outer.close();
        assertThat(RlsContext.current()).isEmpty();
        // the thread works normally afterwards
        RlsContext.Scope next = RlsContext.set("app.tenant_id", "3");
        assertThat(RlsContext.current()).containsEntry("app.tenant_id", "3");
        next.close();
        assertThat(RlsContext.current()).isEmpty();
    }

    @Test
    void closingAMiddleScopeFirstRestoresTheScopeAroundIt() {
        RlsContext.Scope a = RlsContext.set("app.tenant_id", "1");
        RlsContext.Scope b = RlsContext.set("app.tenant_id", "2");
        RlsContext.Scope c = RlsContext.set("app.tenant_id", "3");
        try {
            assertThatThrownBy(b::close).hasMessageContaining("closed out of order");
            assertThat(RlsContext.current()).containsEntry("app.tenant_id", "1");
            c.close();
            assertThat(RlsContext.current()).containsEntry("app.tenant_id", "1");
        } finally {
            a.close();
        }
        assertThat(RlsContext.current()).isEmpty();
    }

    @Test
    void everyCloseOrderOfThreeScopesEndsWithNoContext() {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] order : orders) {
            RlsContext.Scope[] scopes = {
                RlsContext.set("app.tenant_id", "1"),
                RlsContext.set("app.tenant_id", "2"),
                RlsContext.set("app.user_id", "3")
            };
            for (int i : order) {
                try {
                    scopes[i].close();
                } catch (IllegalStateException e) {
                    assertThat(e).hasMessageContaining("closed out of order");
                }
            }
            assertThat(RlsContext.current()).as(java.util.Arrays.toString(order)).isEmpty();
        }
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
