package dev.pgorm.ddl.index.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.PgDdlObject;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/** {@code CREATE INDEX IF NOT EXISTS}, after the tables; dropped with its table. */
public final class IndexObject extends PgDdlObject {

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

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
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
        return new String[] {sql.toString()};
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
                                + "; an invalid index left by a failed concurrent build counts as missing: drop it or REINDEX it)",
                        "select exists (select 1 from pg_catalog.pg_index i join pg_catalog.pg_class c"
                                + " on c.oid = i.indexrelid where i.indrelid = to_regclass(?) and"
                                + " c.relname = ? and i.indisvalid)",
                        List.of(qualified, name)));
    }
}
