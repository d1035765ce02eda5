package dev.pgorm.ddl.index.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.Fingerprint;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * {@code CREATE INDEX IF NOT EXISTS}, after the tables; dropped with its table.
 *
 * <p>The index carries a fingerprint of its declaration as its comment ({@code pgorm:} and a hash
 * of name, table, method, elements, include, nulls, with and where). When {@code update} finds an
 * index of that name whose fingerprint differs, the declaration changed: the index is dropped and
 * built again in one statement, so the old index stays when the new one cannot be built (an index
 * holds no data of its own). An index built concurrently is not dropped by {@code update} (that
 * cannot run in a transaction): it fails, naming the index, and {@code validate} reports it. An
 * index without a fingerprint (built before PG-ORM recorded them, or by hand) is taken as it is and
 * given one; an index with a comment of its own keeps it, unchecked.
 */
final class IndexObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Table table;
    private final boolean unique;
    private final boolean concurrently;
    private final String method;
    private final ArrayList<String> elements;
    private final ArrayList<String> include;
    private final boolean nullsNotDistinct;
    private final String with;
    private final String where;

    IndexObject(
            String name,
            Table table,
            boolean unique,
            boolean concurrently,
            String method,
            List<String> elements,
            List<String> include,
            boolean nullsNotDistinct,
            String with,
            String where,
            String declaredBy) {
        super("pgorm.index." + key(table) + "." + name, declaredBy);
        this.name = name;
        this.table = table;
        this.unique = unique;
        this.concurrently = concurrently;
        this.method = method;
        this.elements = new ArrayList<>(elements);
        this.include = new ArrayList<>(include);
        this.nullsNotDistinct = nullsNotDistinct;
        this.with = with;
        this.where = where;
    }

    /** Returns the index name. */
    public String name() {
        return name;
    }

    /** Returns the comment that identifies this declaration: {@code pgorm:} and 16 hex digits. */
    String fingerprint() {
        return Fingerprint.of(
                name,
                key(table),
                Boolean.toString(unique),
                method,
                String.join("\t", elements),
                String.join("\t", include),
                Boolean.toString(nullsNotDistinct),
                with,
                where);
    }

    /** Selects this index (namespace, name, comment) in a generated block, by table and name. */
    private String selectIndex(String qualified) {
        return "select n.nspname, c.relname, pg_catalog.obj_description(c.oid, 'pg_class') as note"
                + " from pg_catalog.pg_index x join pg_catalog.pg_class c on c.oid = x.indexrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where x.indrelid = pg_catalog.to_regclass("
                + SqlText.literal(qualified)
                + ") and c.relname = "
                + SqlText.literal(name);
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        String fingerprint = fingerprint();
        String create = createIndex(context);
        String rebuild =
                concurrently
                        // DROP INDEX CONCURRENTLY cannot run inside a block
                        ? "raise exception 'index %.% differs from its declaration (%);"
                                + " drop it with DROP INDEX CONCURRENTLY, then run update again',"
                                + " i.nspname, i.relname, "
                                + SqlText.literal(declaredBy())
                                + ";"
                        // one statement: if the new index cannot be built (duplicates for a
                        // unique one), the old one stays
                        : "execute pg_catalog.format('drop index %I.%I', i.nspname, i.relname);"
                                + " execute "
                                + SqlText.literal(create)
                                + ";";
        String rebuildIfChanged =
                "do $pgorm$ declare i record; begin "
                        + selectIndex(qualified)
                        + " into i; if found and "
                        + Fingerprint.changed("i.note", fingerprint)
                        + " then "
                        + rebuild
                        + " end if; end $pgorm$";
        return new String[] {
            rebuildIfChanged,
            create,
            Fingerprint.recordIfNone(selectIndex(qualified), "index", fingerprint)
        };
    }

    private String createIndex(SqlStringGenerationContext context) {
        StringBuilder sql = new StringBuilder("create ");
        if (unique) {
            sql.append("unique ");
        }
        sql.append("index ");
        if (concurrently) {
            sql.append("concurrently ");
        }
        sql.append("if not exists ")
                .append(PgIdentifiers.render(name))
                .append(" on ")
                .append(context.format(table.getQualifiedTableName()))
                .append(" using ")
                .append(method)
                .append(" (")
                .append(String.join(", ", elements))
                .append(')');
        if (!include.isEmpty()) {
            sql.append(" include (").append(String.join(", ", include)).append(')');
        }
        if (nullsNotDistinct) {
            sql.append(" nulls not distinct");
        }
        if (!with.isEmpty()) {
            sql.append(" with (").append(with).append(')');
        }
        if (!where.isEmpty()) {
            sql.append(" where (").append(where).append(')');
        }
        return sql.toString();
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        return List.of(
                new CatalogCheck(
                        "index "
                                + name
                                + " on "
                                + qualified
                                + " ("
                                + declaredBy()
                                + "; an invalid index left by a failed concurrent build counts as missing: drop it or REINDEX it;"
                                + (concurrently
                                        ? " an index whose declaration changed counts as different: drop it with"
                                                + " DROP INDEX CONCURRENTLY, then run update)"
                                        : " an index whose declaration changed counts as different: run update)"),
                        """
                        select exists (select 1 from pg_catalog.pg_index i
                                         join pg_catalog.pg_class c on c.oid = i.indexrelid
                                        where i.indrelid = to_regclass(?) and c.relname = ? and i.indisvalid
                                          and %s)
                        """
                                .formatted(Fingerprint.matches("c.oid", "pg_class")),
                        List.of(qualified, name, fingerprint())));
    }
}
