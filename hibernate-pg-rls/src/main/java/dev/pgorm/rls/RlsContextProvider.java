package dev.pgorm.rls;

import java.util.Map;

/**
 * Supplies row-level security settings from wherever the application keeps them (a security
 * context, a request attribute). Configure it with {@link PgRlsSettings#CONTEXT_PROVIDER}; its
 * settings apply to every transaction, and {@link RlsContext} scopes override them.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RlsContextProvider {

    /**
     * Returns the settings for the transaction that is starting on the current thread, for example
     * {@code Map.of("app.tenant_id", "42")}; an empty map applies none.
     *
     * @return setting names with a prefix mapped to their values; null or empty for none
     */
    Map<String, String> currentSettings();
}
