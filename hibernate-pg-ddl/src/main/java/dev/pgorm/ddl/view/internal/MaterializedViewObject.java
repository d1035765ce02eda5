package dev.pgorm.ddl.view.internal;

import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.Fingerprint;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * {@code CREATE MATERIALIZED VIEW IF NOT EXISTS}, after the tables. No drop strings: {@code update}
 * runs drop strings on every boot, and dropping the tables it reads drops it (cascade). The view
 * carries a fingerprint of its query as its comment: when {@code update} finds another one, the
 * query changed, and the view is dropped and created again in one statement.
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
     * @param objects the objects of {@link DdlOrder#VIEWS}
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

    /** Returns the comment that identifies the declared query ({@code pgorm:} and a hash). */
    String fingerprint() {
        return Fingerprint.of(key(table), query);
    }

    private String create(String qualified) {
        return "create materialized view if not exists "
                + qualified
                + " as "
                + query
                + (withData ? " with data" : " with no data");
    }

    /** Selects the view (namespace, name, comment) in a generated block. */
    private static String selectView(String qualified) {
        return "select n.nspname, c.relname, pg_catalog.obj_description(c.oid, 'pg_class') as note"
                + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid ="
                + " c.relnamespace where c.oid = pg_catalog.to_regclass("
                + SqlText.literal(qualified)
                + ") and c.relkind = 'm'";
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        String fingerprint = fingerprint();
        String create = create(qualified);
        return new String[] {
            // a changed query: drop and create in one statement, so that the old view stays when
            // the new query fails or other views still read the old one (no cascade)
            "do $pgorm$ declare v record; g record; acl aclitem[]; owner oid; begin "
                    + selectView(qualified)
                    + " into v; if found and "
                    + Fingerprint.changed("v.note", fingerprint)
                    + " then select relacl, relowner into acl, owner from pg_catalog.pg_class"
                    + " where oid = pg_catalog.to_regclass("
                    + SqlText.literal(qualified)
                    + "); execute pg_catalog.format('drop materialized view %I.%I', v.nspname,"
                    + " v.relname); execute "
                    + SqlText.literal(create)
                    // the owner and the grants of the old view carry over
                    + "; "
                    + SqlText.ownerAgain(
                            "owner",
                            "pg_catalog.format('alter materialized view %I.%I owner to %I',"
                                    + " v.nspname, v.relname, pg_catalog.pg_get_userbyid(owner))")
                    + SqlText.grantAgain(
                            "acl", "table", "pg_catalog.format('%I.%I', v.nspname, v.relname)")
                    + " end if; end $pgorm$",
            create,
            Fingerprint.recordIfNone(selectView(qualified), "materialized view", fingerprint)
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        return List.of(
                new CatalogCheck(
                        "materialized view "
                                + qualified
                                + " ("
                                + declaredBy()
                                + "; a view whose query changed counts as different: run update, and"
                                + " if other views read it, drop those first)",
                        """
                        select exists (select 1 from pg_catalog.pg_class
                                        where oid = to_regclass(?) and relkind = 'm'
                                          and %s)
                        """
                                .formatted(Fingerprint.matches("oid", "pg_class")),
                        List.of(qualified, fingerprint())));
    }
}
