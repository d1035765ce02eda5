package dev.pgorm.spring.internal;

import dev.pgorm.rls.RlsContext;
import dev.pgorm.rls.RlsContextProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.task.TaskDecorator;

/**
 * Takes the RLS settings in effect on the submitting thread (the provider's, then the {@link
 * RlsContext} scopes' over them) and applies them while the task runs, restoring the worker's own
 * afterwards: an {@code @Async} method sees the rows its caller sees.
 */
final class RlsTaskDecorator implements TaskDecorator {

    private final Supplier<RlsContextProvider> provider;

    RlsTaskDecorator(Supplier<RlsContextProvider> provider) {
        this.provider = provider;
    }

    @Override
    public Runnable decorate(Runnable task) {
        Map<String, String> settings = new LinkedHashMap<>();
        RlsContextProvider p = provider.get();
        if (p != null) {
            Map<String, String> provided = p.currentSettings();
            if (provided != null) {
                settings.putAll(provided);
            }
        }
        settings.putAll(RlsContext.current());
        if (settings.isEmpty()) {
            return task;
        }
        Map<String, String> captured = Map.copyOf(settings);
        return () -> RlsContext.runWith(captured, task);
    }
}
