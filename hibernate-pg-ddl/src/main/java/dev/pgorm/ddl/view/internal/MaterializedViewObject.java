package dev.pgorm.ddl.view.internal;

import dev.pgorm.ddl.internal.PgDdlObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

    /**
     * Orders views so that a view comes after the views its query names (as a whole word), keeping
     * the given order otherwise; Hibernate hands entities over in no particular order, and a view
     * over another view fails when it is created first. Views in a cycle keep their order.
     *
     * @param objects the objects of {@link dev.pgorm.ddl.internal.DdlOrder#VIEWS}
     * @return the same objects, in creation order
     */
    public static List<PgDdlObject> inDependencyOrder(List<PgDdlObject> objects) {
        List<PgDdlObject> pending = new ArrayList<>(objects);
        List<PgDdlObject> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            PgDdlObject next = null;
            for (PgDdlObject candidate : pending) {
                if (pending.stream()
                        .noneMatch(other -> other != candidate && reads(candidate, other))) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                next = pending.get(0); // a cycle: PostgreSQL will name the problem
            }
            pending.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    private static boolean reads(PgDdlObject reader, PgDdlObject read) {
        return reader instanceof MaterializedViewObject view
                && read instanceof MaterializedViewObject other
                && Pattern.compile(
                                "(?<![\\w$\"])\"?"
                                        + Pattern.quote(other.table.getName())
                                        + "\"?(?![\\w$])",
                                Pattern.CASE_INSENSITIVE)
                        .matcher(view.query)
                        .find();
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
