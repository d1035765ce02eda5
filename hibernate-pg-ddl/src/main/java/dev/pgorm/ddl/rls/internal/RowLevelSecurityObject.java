package dev.pgorm.ddl.rls.internal;

import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * Enables (and forces) row-level security and makes the table's policies exactly the declared ones:
 * declared policies are re-created, policies that are no longer declared are dropped (a forgotten
 * permissive policy would widen access), and every partition of the table, however it was created,
 * gets the same flags and policies.
 */
final class RowLevelSecurityObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    /** Placeholder for the table in statements applied to each partition. */
    static final String TABLE = "{{table}}";

    private final Table table;
    private final boolean force;
    private final ArrayList<PolicySql> policies;

    RowLevelSecurityObject(
            Table table, boolean force, List<PolicySql> policies, String declaredBy) {
        super("pgorm.rls." + key(table), declaredBy);
        this.table = table;
        this.force = force;
        this.policies = new ArrayList<>(policies);
    }

    /** Returns whether owners are subject to the policies too. */
    public boolean force() {
        return force;
    }

    /** Returns the policies. */
    public List<PolicySql> policies() {
        return policies;
    }

    /** Returns the statements that secure {@code tableSql}: flags and declared policies. */
    public List<String> statementsFor(String tableSql) {
        List<String> sql = new ArrayList<>(PolicySql.enable(tableSql, force));
        for (PolicySql policy : policies) {
            sql.addAll(policy.statements(tableSql));
        }
        return sql;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String t = context.format(table.getQualifiedTableName());
        // one block for the table and its partitions: a policy whose new text fails (Hibernate
        // runs update's statements quietly) leaves every old policy in place, not none
        StringBuilder onTable = new StringBuilder();
        for (String statement : statementsFor(t)) {
            onTable.append(" execute ").append(SqlText.literal(statement)).append(';');
        }
        List<String> sql = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PolicySql policy : policies) {
            names.add(SqlText.literal(policy.name()));
        }
        String declared = "array[" + String.join(", ", names) + "]::name[]";
        StringBuilder perPartition = new StringBuilder();
        for (String statement : statementsFor(TABLE)) {
            perPartition
                    .append(" execute replace(")
                    .append(SqlText.literal(statement))
                    .append(", '")
                    .append(TABLE)
                    .append("', c.rel::text);");
        }
        String parent = "to_regclass(" + SqlText.literal(t) + ")";
        sql.add(
                "do $pgorm_rls$ declare c record; p record; begin"
                        + onTable
                        + " for p in select polname from pg_catalog.pg_policy where polrelid = "
                        + parent
                        + " and polname <> all("
                        + declared
                        + ")"
                        + " loop execute format('drop policy %I on %s', p.polname, "
                        + parent
                        + "::text); end loop;"
                        + " for c in select relid::regclass as rel from pg_partition_tree("
                        + parent
                        + ") where relid <> "
                        + parent
                        + " loop"
                        + " for p in select polname from pg_catalog.pg_policy where polrelid = c.rel and polname <> all("
                        + declared
                        + ")"
                        + " loop execute format('drop policy %I on %s', p.polname, c.rel::text); end loop;"
                        + perPartition
                        + " end loop; end $pgorm_rls$");
        return sql.toArray(new String[0]);
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        List<CatalogCheck> checks = new ArrayList<>();
        checks.add(
                new CatalogCheck(
                        "row level security"
                                + (force ? " (forced)" : "")
                                + " on "
                                + qualified
                                + " ("
                                + declaredBy()
                                + ")",
                        """
                        select relrowsecurity and relforcerowsecurity = ?
                          from pg_catalog.pg_class
                         where oid = to_regclass(?)
                        """,
                        List.of(force, qualified)));
        for (PolicySql policy : policies) {
            checks.add(
                    new CatalogCheck(
                            "policy "
                                    + policy.name()
                                    + " on "
                                    + qualified
                                    + " ("
                                    + declaredBy()
                                    + ")",
                            """
                            select exists (select 1 from pg_catalog.pg_policy p
                                            where polrelid = to_regclass(?) and polname = ?
                                              and coalesce(pg_catalog.obj_description(p.oid, 'pg_policy') = ?, true))
                            """,
                            List.of(qualified, policy.name(), policy.fingerprint())));
        }
        return checks;
    }
}
