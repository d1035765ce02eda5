package dev.pgorm.ddl.partition.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.PgDdlObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.QualifiedTableName;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * The partitioned table's check and its declared partitions: {@code CREATE TABLE IF NOT EXISTS ...
 * PARTITION OF}, after the tables, with the entity's {@code @PgTable} storage parameters and
 * tablespace; dropped with the parent.
 */
final class PartitionObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final Table parent;
    private final String strategy;
    private final ArrayList<String> names;
    private final ArrayList<String> bounds;
    private final String storage;

    PartitionObject(
            Table parent,
            String strategy,
            List<String> names,
            List<String> bounds,
            String storage,
            String declaredBy) {
        super("pgorm.partitions." + key(parent), declaredBy);
        this.parent = parent;
        this.strategy = strategy;
        this.names = new ArrayList<>(names);
        this.bounds = new ArrayList<>(bounds);
        this.storage = storage;
    }

    /** Returns the qualified name of a partition of {@code parent}: same catalog and schema. */
    public static QualifiedTableName partitionName(Table parent, String name) {
        QualifiedTableName q = parent.getQualifiedTableName();
        return new QualifiedTableName(
                q.getCatalogName(),
                q.getSchemaName(),
                Identifier.toIdentifier(name, !PgIdentifiers.isSimple(name)));
    }

    /** Returns the declared partitions' names. */
    public List<String> names() {
        return names;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String parentSql = context.format(parent.getQualifiedTableName());
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            sql.add(
                    "create table if not exists "
                            + context.format(partitionName(parent, names.get(i)))
                            + " partition of "
                            + parentSql
                            + " "
                            + bounds.get(i)
                            + storage);
        }
        return sql.toArray(new String[0]);
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String parentSql = context.format(parent.getQualifiedTableName());
        List<CatalogCheck> checks = new ArrayList<>();
        checks.add(
                new CatalogCheck(
                        "partitioned table "
                                + parentSql
                                + " ("
                                + strategy
                                + ", "
                                + declaredBy()
                                + ")",
                        """
                        select exists (select 1 from pg_catalog.pg_partitioned_table
                                        where partrelid = to_regclass(?) and partstrat = ?)
                        """,
                        List.of(parentSql, strategy.substring(0, 1).toLowerCase(Locale.ROOT))));
        for (String name : names) {
            String child = context.format(partitionName(parent, name));
            checks.add(
                    new CatalogCheck(
                            "partition " + child + " of " + parentSql + " (" + declaredBy() + ")",
                            """
                            select exists (select 1 from pg_catalog.pg_inherits
                                            where inhrelid = to_regclass(?) and inhparent = to_regclass(?))
                            """,
                            List.of(child, parentSql)));
        }
        return checks;
    }
}
