package dev.pgorm.ddl.view.internal;

import dev.pgorm.ddl.internal.PgDdlObject;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * {@code CREATE MATERIALIZED VIEW IF NOT EXISTS}, after the tables. No drop strings: {@code update}
 * must not throw away a populated view, and dropping the tables it reads drops it (cascade).
 */
public final class MaterializedViewObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final Table table;
    private final String query;
    private final boolean withData;

    MaterializedViewObject(Table table, String query, boolean withData, String declaredBy) {
        super("pgorm.matview." + key(table), declaredBy);
        this.table = table;
        this.query = query;
        this.withData = withData;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        return new String[] {
            "create materialized view if not exists "
                    + context.format(table.getQualifiedTableName())
                    + " as "
                    + query
                    + (withData ? " with data" : " with no data")
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        return List.of(
                new CatalogCheck(
                        "materialized view " + qualified + " (" + declaredBy() + ")",
                        "select exists (select 1 from pg_catalog.pg_class where oid = to_regclass(?) and relkind = 'm')",
                        List.of(qualified)));
    }
}
