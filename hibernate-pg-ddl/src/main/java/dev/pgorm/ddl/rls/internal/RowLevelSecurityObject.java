package dev.pgorm.ddl.rls.internal;

import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.partition.internal.PartitionObject;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/** Enables (and forces) row-level security and re-creates the policies of one table. */
public final class RowLevelSecurityObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final Table table;
    private final boolean force;
    private final ArrayList<PolicySql> policies;
    private final ArrayList<String> partitions;

    RowLevelSecurityObject(
            Table table,
            boolean force,
            List<PolicySql> policies,
            List<String> partitions,
            String declaredBy) {
        super("pgorm.rls." + table.getName(), declaredBy);
        this.table = table;
        this.force = force;
        this.policies = new ArrayList<>(policies);
        this.partitions = new ArrayList<>(partitions);
    }

    /** Returns whether owners are subject to the policies too. */
    public boolean force() {
        return force;
    }

    /** Returns the policies. */
    public List<PolicySql> policies() {
        return policies;
    }

    /** Returns the statements that secure {@code tableSql} (the entity's table or a partition). */
    public List<String> statementsFor(String tableSql) {
        List<String> sql = new ArrayList<>(PolicySql.enable(tableSql, force));
        for (PolicySql policy : policies) {
            sql.addAll(policy.statements(tableSql));
        }
        return sql;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        List<String> sql =
                new ArrayList<>(statementsFor(context.format(table.getQualifiedTableName())));
        // Policies on a partitioned table do not guard queries that name a partition directly.
        for (String partition : partitions) {
            sql.addAll(
                    statementsFor(context.format(PartitionObject.partitionName(table, partition))));
        }
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
                        "select relrowsecurity and relforcerowsecurity = ? from pg_catalog.pg_class where oid = to_regclass(?)",
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
                            "select exists (select 1 from pg_catalog.pg_policy where polrelid = to_regclass(?) and polname = ?)",
                            List.of(qualified, policy.name())));
        }
        return checks;
    }
}
