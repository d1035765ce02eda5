package dev.pgorm.ddl.rls.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.internal.SqlText;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.PolicyCommand;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.annotations.TenantId;
import org.hibernate.mapping.Column;

/** Checks {@link RowLevelSecurity} and {@link Policy} on an entity. */
public final class RowLevelSecurityBinder {

    private static final Set<String> ROLE_KEYWORDS =
            Set.of("public", "current_user", "session_user", "current_role");

    private RowLevelSecurityBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        RowLevelSecurity rls = entity.annotation(RowLevelSecurity.class);
        List<Policy> policies = entity.annotations(Policy.class);
        if (rls == null) {
            if (!policies.isEmpty()) {
                throw entity.fail(
                        "@Policy(name = \"" + policies.get(0).name() + "\")",
                        "policies do nothing until row-level security is enabled: add @RowLevelSecurity to the entity");
            }
            return;
        }
        List<PolicySql> rendered = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Policy policy : policies) {
            PolicySql sql = policy(entity, policy);
            if (!names.add(sql.name())) {
                throw entity.fail(
                        "@Policy(name = \"" + sql.name() + "\")",
                        "two policies have this name; names are unique per table");
            }
            rendered.add(sql);
        }
        String tenantAttribute = tenantIdAttribute(entity.javaClass());
        if (tenantAttribute != null && rls.tenantPolicy() && names.add(TENANT_POLICY)) {
            String label =
                    "@RowLevelSecurity (generated policy "
                            + TENANT_POLICY
                            + " for @TenantId "
                            + tenantAttribute
                            + ")";
            rendered.add(
                    generated(
                            entity,
                            label,
                            TENANT_POLICY,
                            PolicyCommand.ALL,
                            List.of(),
                            "permissive",
                            tenantAttribute,
                            rls.tenantSetting()));
        }
        registry.add(
                DdlOrder.ROW_LEVEL_SECURITY,
                new RowLevelSecurityObject(
                        entity.table(),
                        rls.force(),
                        rendered,
                        "@RowLevelSecurity on entity " + entity.describe()));
    }

    /** The name of the policy generated for an entity with {@code @TenantId}. */
    static final String TENANT_POLICY = "tenant_isolation";

    private static String tenantIdAttribute(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(TenantId.class)) {
                    return f.getName();
                }
            }
        }
        return null;
    }

    /** Renders a policy comparing a column with a setting, read once per statement. */
    private static PolicySql generated(
            EntityTable entity,
            String label,
            String name,
            PolicyCommand command,
            List<String> roles,
            String type,
            String columnRef,
            String settingName) {
        Column column = entity.column(columnRef, label);
        String setting;
        try {
            setting = SqlText.settingName(settingName, label);
        } catch (IllegalArgumentException e) {
            throw entity.fail(label, e.getMessage());
        }
        String predicate = settingPredicate(entity, column, setting, label);
        String using = command == PolicyCommand.INSERT ? "" : predicate;
        String withCheck =
                command == PolicyCommand.SELECT || command == PolicyCommand.DELETE ? "" : predicate;
        return new PolicySql(
                name, type, command.name().toLowerCase(Locale.ROOT), roles, using, withCheck);
    }

    /**
     * {@code column = setting}: the setting read once per statement, cast to the column's type; a
     * missing or empty setting is null and matches no row.
     */
    private static String settingPredicate(
            EntityTable entity, Column column, String setting, String label) {
        return entity.sql(column)
                + " = (select nullif(current_setting("
                + SqlText.literal(setting)
                + ", true), '')::"
                + entity.castType(column, label)
                + ")";
    }

    static PolicySql policy(EntityTable entity, Policy policy) {
        String label = "@Policy(name = \"" + policy.name() + "\")";
        try {
            PgIdentifiers.requireValid(policy.name(), "policy name");
        } catch (IllegalArgumentException e) {
            throw entity.fail(label, e.getMessage());
        }
        String using = policy.using().trim();
        String withCheck = policy.withCheck().trim();
        boolean generated = !policy.column().isBlank() || !policy.setting().isBlank();
        if (generated) {
            if (policy.column().isBlank() || policy.setting().isBlank()) {
                throw entity.fail(label, "a generated policy needs both column and setting");
            }
            if (!using.isEmpty() || !withCheck.isEmpty()) {
                throw entity.fail(
                        label, "give either column and setting, or using/withCheck, not both");
            }
            Column column = entity.column(policy.column(), label);
            String setting;
            try {
                setting = SqlText.settingName(policy.setting(), label);
            } catch (IllegalArgumentException e) {
                throw entity.fail(label, e.getMessage());
            }
            String predicate = settingPredicate(entity, column, setting, label);
            PolicyCommand command = policy.command();
            using = command == PolicyCommand.INSERT ? "" : predicate;
            withCheck =
                    command == PolicyCommand.SELECT || command == PolicyCommand.DELETE
                            ? ""
                            : predicate;
        }
        switch (policy.command()) {
            case INSERT:
                if (!using.isEmpty()) {
                    throw entity.fail(
                            label,
                            "an INSERT policy can only have withCheck; move the predicate there");
                }
                break;
            case SELECT:
            case DELETE:
                if (!withCheck.isEmpty()) {
                    throw entity.fail(
                            label,
                            "a "
                                    + policy.command()
                                    + " policy can only have using; move the predicate there");
                }
                break;
            default:
                break;
        }
        if (using.contains("$pgorm") || withCheck.contains("$pgorm")) {
            throw entity.fail(
                    label,
                    "using and withCheck must not contain $pgorm, which PG-ORM uses to quote generated blocks");
        }
        if (using.isEmpty() && withCheck.isEmpty()) {
            throw entity.fail(label, "give using, withCheck, or column and setting");
        }
        List<String> roles = new ArrayList<>();
        for (String role : policy.roles()) {
            String r = role.trim();
            if (ROLE_KEYWORDS.contains(r.toLowerCase(Locale.ROOT))) {
                roles.add(r.toLowerCase(Locale.ROOT));
            } else {
                try {
                    roles.add(PgIdentifiers.render(r));
                } catch (IllegalArgumentException e) {
                    throw entity.fail(label, "role: " + e.getMessage());
                }
            }
        }
        return new PolicySql(
                policy.name(),
                policy.type().name().toLowerCase(Locale.ROOT),
                policy.command().name().toLowerCase(Locale.ROOT),
                roles,
                using,
                withCheck);
    }
}
