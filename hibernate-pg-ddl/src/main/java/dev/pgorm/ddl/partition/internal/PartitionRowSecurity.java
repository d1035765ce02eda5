package dev.pgorm.ddl.partition.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.ddl.rls.internal.PolicySql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Gives a partition created at run time the row-level security of its parent: the flags and a copy
 * of each policy, rendered by {@link PolicySql} as for declared partitions.
 */
final class PartitionRowSecurity {

    private static final String FLAGS =
            """
            select relrowsecurity, relforcerowsecurity
              from pg_catalog.pg_class
             where oid = ?
            """;

    private static final String POLICIES =
            """
            select polname, polpermissive, polcmd::text as cmd,
                   array(select case when r = 0 then 'public' else quote_ident(pg_get_userbyid(r)) end
                           from unnest(polroles) r)::text[] as roles,
                   pg_get_expr(polqual, polrelid) as qual,
                   pg_get_expr(polwithcheck, polrelid) as check
              from pg_catalog.pg_policy
             where polrelid = ?
             order by polname
            """;

    /** The parent's row-level security flags. */
    private record Flags(boolean enabled, boolean forced) {
        static Flags of(ResultSet row) throws SQLException {
            return new Flags(
                    row.getBoolean("relrowsecurity"), row.getBoolean("relforcerowsecurity"));
        }
    }

    private PartitionRowSecurity() {}

    /** Copies the flags and policies of {@code parent} onto its new partition {@code partition}. */
    static void mirror(Connection connection, ParentTable parent, String partition)
            throws SQLException {
        PgCatalog catalog = PgCatalog.on(connection);
        Flags flags =
                catalog.optional(FLAGS, Flags::of, parent.oid())
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "table " + parent.name() + " is gone"));
        if (!flags.enabled()) {
            return;
        }
        String child = parent.child(partition);
        for (String sql : PolicySql.enable(child, flags.forced())) {
            catalog.execute(sql);
        }
        for (PolicySql policy :
                catalog.list(POLICIES, PartitionRowSecurity::policy, parent.oid())) {
            catalog.execute(policy.create(child));
        }
    }

    /** Reads one row of {@link #POLICIES} as the policy it declares. */
    static PolicySql policy(ResultSet row) throws SQLException {
        return new PolicySql(
                row.getString("polname"),
                row.getBoolean("polpermissive") ? "permissive" : "restrictive",
                command(row.getString("cmd")),
                List.of((String[]) row.getArray("roles").getArray()),
                orEmpty(row.getString("qual")),
                orEmpty(row.getString("check")));
    }

    /** Returns the command of {@code pg_policy.polcmd}, as {@code CREATE POLICY} spells it. */
    static String command(String polcmd) {
        return switch (polcmd) {
            case "r" -> "select";
            case "a" -> "insert";
            case "w" -> "update";
            case "d" -> "delete";
            default -> "all";
        };
    }

    private static String orEmpty(String expression) {
        return expression == null ? "" : expression;
    }
}
