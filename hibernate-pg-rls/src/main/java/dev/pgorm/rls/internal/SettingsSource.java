package dev.pgorm.rls.internal;

import dev.pgorm.rls.RlsContext;
import dev.pgorm.rls.RlsContextProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where the settings of a starting transaction come from, in increasing priority: the configured
 * {@link RlsContextProvider}, Hibernate's current tenant, and the thread's {@link RlsContext}. Also
 * knows the tables with row-level security, for {@code pgorm.rls.required}.
 */
final class SettingsSource {

    private final RlsContextProvider provider;
    private final Supplier<Object> tenant;
    private final String tenantSetting;
    private final boolean required;
    private volatile List<Pattern> protectedTables = List.of();
    private volatile List<String> protectedTableNames = List.of();

    public SettingsSource(
            RlsContextProvider provider,
            Supplier<Object> tenant,
            String tenantSetting,
            boolean required) {
        this.provider = provider;
        this.tenant = tenant;
        this.tenantSetting = SettingNames.require(tenantSetting);
        this.required = required;
    }

    /** Returns the settings for a transaction starting now on this thread. */
    public Map<String, String> current() {
        Map<String, String> thread = RlsContext.current();
        Object tenantId = tenant == null ? null : tenant.get();
        if (provider == null && tenantId == null) {
            return thread;
        }
        Map<String, String> merged = new LinkedHashMap<>();
        if (provider != null) {
            Map<String, String> provided = provider.currentSettings();
            if (provided != null) {
                provided.forEach((k, v) -> merged.put(SettingNames.require(k), v));
            }
        }
        if (tenantId != null) {
            merged.put(tenantSetting, tenantId.toString());
        }
        merged.putAll(thread);
        return merged;
    }

    /**
     * Records the tables that have row-level security, by their unquoted names: a statement matches
     * a table written plain or quoted, alone or qualified by any schema (and catalog), such as
     * {@code invoice}, {@code "invoice"}, {@code app.invoice} or {@code "app"."invoice"}.
     */
    public void protectTables(List<String> tables) {
        protectedTableNames = List.copyOf(tables);
        protectedTables = tables.stream().map(SettingsSource::tablePattern).toList();
    }

    /**
     * A table reference after FROM, JOIN, INTO or UPDATE: up to two qualifiers (schema, catalog),
     * each a plain or quoted identifier followed by a dot, then the name, plain or quoted. Any
     * qualifier matches, so a same-named table in another schema is refused too: the check fails
     * closed, and an unqualified name may reach the protected table through the search path.
     */
    static Pattern tablePattern(String table) {
        String identifier = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
        String name = Pattern.quote(table);
        String quotedName = Pattern.quote("\"" + table.replace("\"", "\"\"") + "\"");
        return Pattern.compile(
                "(?i)\\b(?:from|join|into|update)\\s+(?:only\\s+)?(?:"
                        + identifier
                        + "\\s*\\.\\s*){0,2}(?:"
                        + quotedName
                        + "|"
                        + name
                        + "(?![\\p{L}\\p{N}_$]))");
    }

    /**
     * Fails when settings are required, none are in effect, and {@code sql} uses a protected table.
     */
    public void checkRequired(String sql, Map<String, String> settings) {
        if (!required || !settings.isEmpty()) {
            return;
        }
        List<Pattern> patterns = protectedTables;
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(sql).find()) {
                throw new IllegalStateException(
                        "pgorm.rls.required is on and no row-level security setting is in effect for a statement on table "
                                + protectedTableNames.get(i)
                                + ": open an RlsContext scope (or configure pgorm.rls.context_provider) around the transaction");
            }
        }
    }
}
